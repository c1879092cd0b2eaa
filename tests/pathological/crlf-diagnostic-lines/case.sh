# An error in a CRLF file is reported at the right line and column (CR LF
# is one line end, not two).
DESC="an unknown <ref> on line 11 of a CRLF file"
RC=1
ERR="^paper\\.xml:11:12: error: <ref> points at unknown id 'nope'"
prepare() {
	{
		paper_head "Carriage returns"
		printf '%s\n' '    <p id="p-one">First paragraph.</p>' \
			'    <p>Second paragraph,' \
			'      then <ref to="nope"/>.</p>'
		paper_tail
	} | sed 's/$/\r/' > paper.xml
}
