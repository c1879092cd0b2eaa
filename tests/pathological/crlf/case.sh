# Windows line endings throughout: text intact, CRs folded like any
# whitespace (no stray characters).
DESC="CRLF line endings"
RC=0
TEXT="Carriage returns
First line of the paragraph continues on a second line."
prepare() {
	{
		paper_head "Carriage returns"
		printf '%s\n' '    <p id="p-crlf">First line of the paragraph' \
			'      continues on a second line.</p>'
		paper_tail
	} | sed 's/$/\r/' > paper.xml
	grep -q "$(printf '\r')\$" paper.xml
}
