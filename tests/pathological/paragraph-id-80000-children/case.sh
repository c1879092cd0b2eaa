# A paragraph with an id and 80,000 <em> children (1.2 MB, one element per
# line). It must build in about the time the same paragraph takes without
# the id: at most 3 times that plus 2 s (both under the 60 s bound).
# (libxml2's RELAX NG validation of <mixed> content is quadratic in the
# number of children, and the optional id doubled the work: inline content
# is a repeated choice in the schema, which libxml2 compiles.)
DESC="<p id> with 80,000 inline children, against the same <p> without the id"
prepare() {
	{
		paper_head "Many children"
		printf '    <p id="p-many">\n'
		awk -v n="${SIZE:-80000}" 'BEGIN { for (i = 0; i < n; i++) printf "<em>x%d</em>\n", i }'
		printf '</p>\n'
		paper_tail
	} > paper.xml
	sed 's|<p id="p-many">|<p>|' paper.xml > noid.xml
}
run_case() {
	TEXT="x0 x1 x2
x79999"
	builds_like_baseline noid.xml "without the id" "with the id it"
}
