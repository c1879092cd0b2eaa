# A bar chart point label, a triangle tier label and an org-chart node label
# of 1 MB each. Chart text is at most 2000 bytes (docs/format.md): each is a
# limit error at its element, exit 3, within 10 s. (Charts lay their labels
# out again at each size they try: a 1 MB tier label took 73 s.)
DESC="1 MB chart labels (bar point, triangle tier, org-chart node)"
RC=3
ERR='^paper\.xml:12:9: error: label of <point> is 1020000 bytes; chart text is limited to 2000$'
LIMIT=10
prepare() {
	big=$(awk 'BEGIN { for (i = 0; i < 60000; i++) printf "Long label words " }')
	{
		paper_head "Long chart labels"
		for t in bar triangle orgchart; do
			printf '    <figure id="f-%s"><caption>A %s chart</caption>\n' $t $t
			printf '      <alt>A %s chart with a long label.</alt>\n      <chart type="%s">\n' $t $t
			case $t in
			bar) printf '        <point label="%s" value="1"/>\n        <point label="b" value="2"/>\n' "$big" ;;
			triangle) printf '        <tier label="%s"/>\n        <tier label="b"/>\n' "$big" ;;
			orgchart) printf '        <node label="%s"><node label="b"/></node>\n' "$big" ;;
			esac
			printf '      </chart>\n    </figure>\n'
		done
		paper_tail
	} > paper.xml
}
verify() {
	grep -q '^paper\.xml:19:9: error: label of <tier> is 1020000 bytes' "$W/stderr" || bad "no error for the tier"
	grep -q '^paper\.xml:26:9: error: label of <node> is 1020000 bytes' "$W/stderr" || bad "no error for the node"
	grep -q '^  hint: a chart has room for short labels' "$W/stderr" || bad "no hint"
}
