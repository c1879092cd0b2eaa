# A raw C0 control character (BEL, 0x07) in a paragraph: not allowed in
# XML 1.0.
DESC="a raw C0 control character in the text"
RC=1
ERR='^paper\.xml:9:[0-9]+: error: PCDATA invalid Char value 7'
prepare() {
	{ paper_head "Control"; printf '    <p>Ring the \007 bell.</p>\n'; paper_tail; } > paper.xml
}
