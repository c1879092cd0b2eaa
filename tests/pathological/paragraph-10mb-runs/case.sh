# The same 10 MB paragraph cut into ten runs of 1,000,000 bytes by <em>
# elements: every run is under the text limit and the file under the input
# limit, so it must build, in bounded time, with every word in the PDF (Pango
# loses text beyond about 200,000 characters in one layout unless boardc
# shapes the paragraph in pieces).
DESC="a 10 MB paragraph in ten 1 MB runs split by <em>"
RC=0
TEXT="LASTWORD"
prepare() {
	{
		paper_head "Ten megabyte paragraph in runs"
		printf '    <p id="big">'
		python3 -c '
import sys
w = "the council notes the budget report and agrees the plan "
size = int(sys.argv[1])
run = (w * (size // 10 // len(w) + 1))[:size // 10]
sys.stdout.write("<em>x</em>".join([run] * 10))' "${SIZE:-10000000}"
		printf ' LASTWORD</p>\n'
		paper_tail
	} > paper.xml
	WANT=$(count_in paper.xml council)
}
verify() {
	[ "$GOT" = 0 ] || return 0
	n=$(count_in "$W/text.txt" council)
	[ "$n" = "$WANT" ] || bad "'council' $n times in the PDF, $WANT times in the paper"
	note "$(pdfinfo out/out.pdf | sed -n 's/^Pages: *//p') pages"
}
