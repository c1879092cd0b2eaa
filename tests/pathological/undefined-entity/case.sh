# HTML entity names without any DOCTYPE (&nbsp;, &pound;) and an undefined
# one: errors naming each, nothing loaded.
DESC="&nbsp; &pound; &xxe; with no DOCTYPE"
RC=1
ERR="^paper\\.xml:9:[0-9]+: error: Entity 'nbsp' not defined"
prepare() {
	{ paper_head "Entities"; printf '    <p>Costs&nbsp;&pound;5 and &xxe;.</p>\n'; paper_tail; } > paper.xml
}
verify() {
	want_stderr "error: Entity 'pound' not defined"
	want_stderr "error: Entity 'xxe' not defined"
}
