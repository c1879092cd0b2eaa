# One paragraph with 1,000 footnotes: they cannot all go on the page of
# their references, but every marker's word and every note must be in the PDF.
DESC="one paragraph with 1,000 <fn>"
RC=0
TEXT="Note number 1.
Note number 1000."
prepare() {
	{
		paper_head "A thousand footnotes"
		printf '    <p id="p-fn">'
		awk -v n="${SIZE:-1000}" 'BEGIN { for (i = 1; i <= n; i++) printf "word%dx<fn>Note number %d.</fn> ", i, i }'
		printf '</p>\n'
		paper_tail
	} > paper.xml
}
verify() {
	[ "$GOT" = 0 ] || return 0
	n=$(grep -o 'Note number [0-9]*\.' "$W/text.txt" | sort -u | wc -l | tr -d ' ')
	[ "$n" = 1000 ] || bad "$n of 1000 notes in the PDF"
	n=$(grep -o "word[0-9]*x" "$W/text.txt" | sort -u | wc -l | tr -d ' ')
	[ "$n" = 1000 ] || bad "$n of 1000 footnoted words in the PDF"
	note "$(pdfinfo out/out.pdf | sed -n 's/^Pages: *//p') pages"
}
