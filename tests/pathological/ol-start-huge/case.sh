# <ol start="100000">: numbered lists start at 1 to 99999 (docs/format.md).
# An error at the list with a hint, not a list silently numbered from 1;
# start="99999" beside it is fine.
DESC="<ol start=\"100000\">"
RC=1
ERR='^paper\.xml:9:5: error: start="100000" on <ol> is more than 99999$'
prepare() {
	{
		paper_head "Huge list start"
		printf '%s\n' '    <ol start="100000"><li>First item</li></ol>' \
			'    <ol start="99999" style="roman"><li>Allowed</li></ol>'
		paper_tail
	} > paper.xml
}
verify() {
	grep -q '^  hint: a numbered list starts at 1 to 99999' "$W/stderr" || bad "no hint"
	[ "$(grep -c 'error:' "$W/stderr")" = 1 ] || bad "not exactly one error (start=\"99999\" is allowed)"
}
