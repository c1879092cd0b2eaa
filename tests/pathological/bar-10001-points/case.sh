# One point over the limit: a clear error at the 10,001st <point>, exit 1.
DESC="a bar chart with 10,001 points"
RC=1
ERR='^paper\.xml:10012:9: error: a chart may have at most 10000 categories'
prepare() {
	{
		paper_head "Too many bars"
		printf '    <figure id="f-bars"><caption>Ten thousand and one bars</caption>\n'
		printf '      <alt>Bar chart of 10,001 categories.</alt>\n      <chart type="bar">\n'
		awk 'BEGIN { for (i = 0; i <= 10000; i++) printf "        <point label=\"Cat %d\" value=\"%d\"/>\n", i, i % 97 + 1 }'
		printf '      </chart>\n    </figure>\n'
		paper_tail
	} > paper.xml
}
