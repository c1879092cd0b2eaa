# A table cell with an attribute and 80,000 <em> children (1.2 MB, one
# element per line). It must build in about the time the same content takes
# in a paragraph: at most 3 times that plus 2 s (both under the 60 s bound).
# (A cell's content written as <mixed>, or in a define together with the
# cell's attributes, is not compiled by libxml2's RELAX NG validator, which
# then takes time quadratic in the number of children.)
DESC="<td align> with 80,000 inline children, against the same in a <p>"
children() { awk -v n="${SIZE:-80000}" 'BEGIN { for (i = 0; i < n; i++) printf "<em>x%d</em>\n", i }'; }
prepare() {
	{
		paper_head "Many children in a cell"
		printf '    <table id="t"><tbody><tr><td align="left">\n'
		children
		printf '</td></tr></tbody></table>\n'
		paper_tail
	} > paper.xml
	{ paper_head "Many children in a paragraph"; printf '    <p>\n'; children; printf '</p>\n'; paper_tail; } > para.xml
}
run_case() {
	TEXT="x0 x1 x2
x79999"
	builds_like_baseline para.xml "in a paragraph" "in a cell it"
}
