# A section title of 2 MB (an attribute: the 1 MiB text limit counts runs
# of text, not attributes): the heading and its bookmark run to a thousand
# pages. It must build with the whole title, or stop with a limit error.
DESC="a 2 MB title attribute on a section"
RC=0
ALT_RC=3
ALT_ERR='limit'
TEXT="Long title words Long title words
END-OF-TITLE
Body after the long heading."
prepare() {
	{
		paper_head "Huge attribute"
		printf '    <p>Before.</p>\n  </section>\n  <section id="s-long" title="'
		awk -v n="${SIZE:-120000}" 'BEGIN { for (i = 0; i < n; i++) printf "Long title words " }'
		printf 'END-OF-TITLE">\n    <p>Body after the long heading.</p>\n'
		paper_tail
	} > paper.xml
}
verify() {
	[ "$GOT" = 0 ] || return 0
	python3 "$GEN" body out/out.pdf > body.txt
	n=$(count_in body.txt "Longtitlewords")
	[ "$n" = 120000 ] || bad "'Long title words' $n times in the PDF, 120000 in the title"
	note "$(pdfinfo out/out.pdf | sed -n 's/^Pages: *//p') pages"
}
