# A table cell with an attribute and 80,000 <em> children (1.2 MB, one
# element per line). It must build in about the time the same content takes
# in a paragraph: at most 3 times that plus 2 s (both under the 60 s bound).
# (A cell's content written as <mixed>, or in a define together with the
# cell's attributes, is not compiled by libxml2's RELAX NG validator, which
# then takes time quadratic in the number of children.)
DESC="<td align> with 80,000 inline children, against the same in a <p>"
children() { awk 'BEGIN { for (i = 0; i < 80000; i++) printf "<em>x%d</em>\n", i }'; }
run_case() {
	{
		paper_head "Many children in a cell"
		printf '    <table id="t"><tbody><tr><td align="left">\n'
		children
		printf '</td></tr></tbody></table>\n'
		paper_tail
	} > paper.xml
	{ paper_head "Many children in a paragraph"; printf '    <p>\n'; children; printf '</p>\n'; paper_tail; } > para.xml
	mkdir -p out
	bc_run build para.xml -o out/para.pdf
	want_exit 0 || return 0
	base=$SECS
	note "in a paragraph: $base s"
	CASE_SECS=
	bc_run build paper.xml -o out/out.pdf
	want_exit 0 || return 0
	want_pdf out/out.pdf
	TEXT="x0 x1 x2
x79999"
	want_text out/out.pdf
	want_utf8_stderr
	awk -v a="$SECS" -v b="$base" 'BEGIN { exit !(a <= 3 * b + 2) }' ||
		bad "in a cell it took $SECS s, in a paragraph $base s"
}
