# A narrow table cell holding 4,000 words too wide for it, every other one a
# link, so each is broken between syllables and every link and attribute is
# moved along the soft hyphens. It must build in about the time the same
# content takes in a paragraph: at most 3 times that plus 2 s.
DESC="<td> in a 7-column table with 4,000 over-wide words and 2,000 links"
words() {
	awk -v n="${SIZE:-4000}" 'BEGIN { for (i = 0; i < n; i++)
		if (i % 2) printf "<a href=\"https://example.org/%d\">Interdependencies</a> w%d\n", i, i
		else printf "<em>Commissioning</em> w%d\n", i }'
}
prepare() {
	{
		paper_head "Over-wide words in a narrow cell"
		printf '    <table id="t"><col width="1*"/><col width="1*"/><col width="1*"/><col width="1*"/>'
		printf '<col width="1*"/><col width="1*"/><col width="1*"/><tbody><tr><td>\n'
		words
		printf '</td><td>b</td><td>c</td><td>d</td><td>e</td><td>f</td><td>g</td></tr></tbody></table>\n'
		paper_tail
	} > paper.xml
	{ paper_head "Over-wide words in a paragraph"; printf '    <p>\n'; words; printf '</p>\n'; paper_tail; } > para.xml
}
run_case() {
	TEXT="w1999
w3999"
	builds_like_baseline para.xml "in a paragraph" "in a narrow cell it"
}
