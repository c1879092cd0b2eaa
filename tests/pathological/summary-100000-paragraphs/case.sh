# A front-sheet <summary> of 100,000 short paragraphs (4 MB). It must build
# in about the time the same paragraphs take in an unnumbered section (a
# summary's paragraphs are not numbered either): at most 3 times that plus
# 2 s (both under the 60 s bound). (libxml2 validates the content
# of an element inside an <interleave> without compiling it, in time
# quadratic in its number of children: the front sheet is not an
# interleave in the schema, and boardc checks its counts itself.)
DESC="a front-sheet summary of 100,000 paragraphs, against the same in a section"
paras() { awk -v n="${SIZE:-100000}" 'BEGIN { for (i = 1; i <= n; i++) printf "      <p>Point %d of the summary.</p>\n", i }'; }
prepare() {
	{
		printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
			'<paper xmlns="urn:x-boardc:paper:1">' '  <front>' \
			'    <committee>Audit Committee</committee>' \
			'    <meeting date="2024-05-14"/>' '    <title>A long summary</title>' \
			'    <summary id="summary">'
		paras
		printf '%s\n' '    </summary>' '  </front>' '  <section id="intro" title="Introduction">' \
			'    <p>After the summary.</p>'
		paper_tail
	} > paper.xml
	{ paper_head "A long section"; paras; paper_tail; } |
		sed 's|<section id="intro" title="Introduction">|<section id="intro" title="Introduction" numbered="no">|' > section.xml
}
run_case() {
	TEXT="Point 1 of the summary.
Point 100000 of the summary.
After the summary."
	builds_like_baseline section.xml "in a section" "in the summary it"
}
