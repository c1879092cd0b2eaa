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
	baseline lines.xml "with line breaks" || return 0
	bc_run build paper.xml -o out/out.pdf
	want_exit 0 || return 0
	want_pdf out/out.pdf
	TEXT="x0 x1 x2
x49999"
	want_text out/out.pdf
	want_utf8_stderr
	within_baseline "one line"
}
