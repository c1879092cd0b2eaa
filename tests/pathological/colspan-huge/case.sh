# colspan="1000000000" and a colspan past 2^64: no column arrays of that
# size, no crash, the cells' text in the PDF.
DESC="<td colspan=\"1000000000\"> and colspan=\"99999999999999999999\""
RC=0
TEXT="Wide cell one
Wide cell two
Narrow"
prepare() {
	{
		paper_head "Huge colspan"
		printf '%s\n' '    <table id="t-span"><tbody>' \
			'      <tr><td colspan="1000000000">Wide cell one</td></tr>' \
			'      <tr><td colspan="99999999999999999999">Wide cell two</td></tr>' \
			'      <tr><td>Narrow</td><td>cells</td></tr>' \
			'    </tbody></table>'
		paper_tail
	} > paper.xml
}
