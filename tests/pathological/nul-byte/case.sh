# A NUL byte inside a paragraph: not allowed in XML; must not truncate the
# file silently either.
DESC="a NUL byte in the text"
RC=1
ERR='^paper\.xml:9:[0-9]+: error: Char 0x0 out of allowed range'
prepare() {
	{ paper_head "NUL"; printf '    <p>Before\000after.</p>\n'; paper_tail; } > paper.xml
}
