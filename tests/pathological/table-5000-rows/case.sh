# A captioned table of 5,000 rows: it runs over many pages; the first, the
# middle and the last row must be in the PDF.
DESC="a 5,000-row table with a header row"
RC=0
TEXT="Row00001 7 Line item 1 of the ledger
Row02500 17500 Line item 2500 of the ledger
Row05000 35000 Line item 5000 of the ledger"
prepare() {
	{
		paper_head "Long table"
		printf '%s\n' '    <table id="t-long">' '      <caption>Five thousand rows</caption>' \
			'      <thead><tr><th>Reference</th><th>Amount</th><th>Description</th></tr></thead>' \
			'      <tbody>'
		awk -v n="${SIZE:-5000}" 'BEGIN { for (i = 1; i <= n; i++)
			printf "      <tr><td>Row%05d</td><td>%d</td><td>Line item %d of the ledger</td></tr>\n", i, i * 7, i }'
		printf '%s\n' '      </tbody>' '    </table>'
		paper_tail
	} > paper.xml
}
verify() {
	[ "$GOT" = 0 ] || return 0
	n=$(grep -o 'Row[0-9]\{5\}' "$W/text.txt" | sort -u | wc -l | tr -d ' ')
	[ "$n" = 5000 ] || bad "$n of 5000 rows in the PDF"
	note "$(pdfinfo out/out.pdf | sed -n 's/^Pages: *//p') pages"
}
