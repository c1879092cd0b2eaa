# The first two bytes of a three-byte sequence (the euro sign) and then a
# tag: a truncated sequence inside the text.
DESC="invalid UTF-8: a truncated sequence before a tag"
RC=1
ERR='^paper\.xml:9:[0-9]+: error: Input is not proper UTF-8'
prepare() {
	{ paper_head "Truncated"; printf '    <p>Costs \342\202<em>5</em> more.</p>\n'; paper_tail; } > paper.xml
}
