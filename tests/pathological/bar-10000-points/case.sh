# A bar chart of 10,000 points, the documented maximum number of categories:
# it must build (its labels cannot all be legible; the caption must be there).
DESC="a bar chart with 10,000 points"
RC=0
TEXT="Figure 1: Ten thousand bars
Cat 0"
prepare() {
	{
		paper_head "Ten thousand bars"
		printf '    <figure id="f-bars"><caption>Ten thousand bars</caption>\n'
		printf '      <alt>Bar chart of 10,000 categories.</alt>\n      <chart type="bar">\n'
		awk -v n="${SIZE:-10000}" 'BEGIN { for (i = 0; i < n; i++) printf "        <point label=\"Cat %d\" value=\"%d\"/>\n", i, i % 97 + 1 }'
		printf '      </chart>\n    </figure>\n'
		paper_tail
	} > paper.xml
}
