# A machine-written paper with no line breaks: 50,000 <em> elements in one
# 0.8 MB line. It must build in about the time the same paper takes with a
# line break after each element: at most 3 times that plus 2 s (both under
# the 60 s bound). (Finding each element's column by scanning its line from
# the start would make a one-line paper quadratic.)
DESC="50,000 elements on one 0.8 MB line, against the same with line breaks"
prepare() {
	{
		paper_head "One line"
		printf '    <p>\n'
		awk -v n="${SIZE:-50000}" 'BEGIN { for (i = 0; i < n; i++) printf "<em>x%d</em>\n", i }'
		printf '</p>\n'
		paper_tail
	} > lines.xml
	tr '\n' ' ' < lines.xml > paper.xml
}
run_case() {
	TEXT="x0 x1 x2
x49999"
	builds_like_baseline lines.xml "with line breaks" "one line"
}
