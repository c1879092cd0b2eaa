# A grouped bar chart with 10,000 points in one series and 20,000 empty
# series (0.8 MB). A chart's data are a series x categories table: this one
# would be 200 million numbers (1.6 GB). A chart has at most 100 series
# (docs/format.md): an error at the chart, exit 1, in bounded time and
# memory (under 256 MiB).
DESC="a chart with 20,001 series, 20,000 of them empty"
RC=1
ERR='^paper\.xml:9:[0-9]+: error: a chart may have at most 100 series; this one has 20001$'
LIMIT=10
prepare() {
	{
		paper_head "Many series"
		printf '    <figure id="f"><caption>Many series</caption><alt>A bar chart.</alt>'
		printf '<chart type="bar" mode="grouped"><series name="a">\n'
		awk 'BEGIN { for (i = 0; i < 10000; i++) printf "<point label=\"C%d\" value=\"1\"/>\n", i
			print "</series>"; for (s = 0; s < 20000; s++) printf "<series name=\"S%d\"/>\n", s }'
		printf '</chart></figure>\n'
		paper_tail
	} > paper.xml
}
verify() {
	grep -q '^  hint: split it into several charts' "$W/stderr" || bad "no hint"
	bc_run_rss build paper.xml -o out/out.pdf
	[ "$RSS_KB" -le 262144 ] || bad "peak memory $((RSS_KB / 1024)) MiB refusing the chart (the bound is 256 MiB)"
}
