# One table cell of 6,000 words, many pages tall, between two short cells:
# the row splits over pages and every word is kept.
DESC="a table cell taller than a page (6,000 words)"
RC=0
TEXT="Left
Right
after the table."
prepare() {
	{
		paper_head "Tall cell"
		printf '    <table id="t-tall"><tbody><tr><td>Left</td><td>'
		awk -v n="${SIZE:-6000}" 'BEGIN { for (i = 1; i <= n; i++) printf "cellword%d ", i }'
		printf '</td><td>Right</td></tr></tbody></table>\n'
		printf '    <p>Text after the table.</p>\n'
		paper_tail
	} > paper.xml
}
verify() {
	[ "$GOT" = 0 ] || return 0
	n=$(grep -o 'cellword[0-9]*' "$W/text.txt" | sort -u | wc -l | tr -d ' ')
	[ "$n" = 6000 ] || bad "$n of 6000 words of the tall cell in the PDF"
	p=$(pdfinfo out/out.pdf | sed -n 's/^Pages: *//p')
	[ "${p:-0}" -gt 2 ] || bad "only ${p:-0} pages"
	note "$p pages"
}
