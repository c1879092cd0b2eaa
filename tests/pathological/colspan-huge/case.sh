# colspan="1000000000" and a colspan past 2^64. The format allows at most
# 256 (docs/format.md): each is an error at its cell, with a hint, and no
# PDF; no column arrays of that size, no crash. (They were ignored silently.)
DESC="<td colspan=\"1000000000\"> and colspan=\"99999999999999999999\""
RC=1
ERR='^paper\.xml:10:11: error: colspan="1000000000" on <td> is more than 256$'
prepare() {
	{
		paper_head "Huge colspan"
		printf '%s\n' '    <table id="t-span"><tbody>' \
			'      <tr><td colspan="1000000000">Wide cell one</td></tr>' \
			'      <tr><td colspan="99999999999999999999">Wide cell two</td></tr>' \
			'      <tr><td colspan="256">Widest allowed</td></tr>' \
			'      <tr><td>Narrow</td><td>cells</td></tr>' \
			'    </tbody></table>'
		paper_tail
	} > paper.xml
}
verify() {
	grep -q '^paper\.xml:11:11: error: colspan="99999999999999999999" on <td> is more than 256$' "$W/stderr" ||
		bad "no error for the colspan past 2^64: $(stderr_head)"
	grep -q '^  hint: a cell spans at most 256 columns' "$W/stderr" || bad "no hint"
	[ "$(grep -c 'error:' "$W/stderr")" = 2 ] || bad "not exactly two errors (colspan=\"256\" is allowed)"
}
