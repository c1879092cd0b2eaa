# A C0 control character written as a character reference (&#27;, ESC, the
# start of a terminal escape sequence): still not an XML character.
DESC="&#27; (ESC) as a character reference"
RC=1
ERR='^paper\.xml:9:[0-9]+: error: xmlParseCharRef: invalid xmlChar value 27'
prepare() {
	{ paper_head "Control"; printf '    <p>Escape &#27;[31m here.</p>\n'; paper_tail; } > paper.xml
}
