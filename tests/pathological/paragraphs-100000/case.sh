# 100,000 paragraphs (4.6 MB, under the 16 MiB input limit): must build with
# every paragraph, or stop with a clear limit error (exit 3).
DESC="100,000 short paragraphs in one section"
RC=0
ALT_RC=3
ALT_ERR='limit'
TEXT="Paragraph 1 of the long paper.
Paragraph 50000 of the long paper.
Paragraph 100000 of the long paper."
prepare() {
	{
		paper_head "One hundred thousand paragraphs"
		awk -v n="${SIZE:-100000}" 'BEGIN { for (i = 1; i <= n; i++) printf "    <p>Paragraph %d of the long paper.</p>\n", i }'
		paper_tail
	} > paper.xml
}
verify() {
	[ "$GOT" = 0 ] || return 0
	n=$(count_in "$W/text.txt" " of the long paper.")
	[ "$n" = 100000 ] || bad "$n of 100000 paragraphs in the PDF"
	note "$(pdfinfo out/out.pdf | sed -n 's/^Pages: *//p') pages"
}
