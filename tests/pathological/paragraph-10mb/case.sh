# One paragraph of 10,000,000 bytes in a single run of text: over the 1 MiB
# text limit, a resource limit, so exit 3 with the line (docs/usage.md).
DESC="a 10 MB paragraph (one run of text)"
RC=3
ERR='^paper\.xml:9: error: text of <p> is 10000000 bytes; the limit is 1048576'
prepare() {
	{
		paper_head "Ten megabyte paragraph"
		printf '    <p id="big">'
		python3 -c '
import sys
w = "the council notes the budget report and agrees the plan "
sys.stdout.write((w * (10000000 // len(w) + 1))[:10000000])'
		printf '</p>\n'
		paper_tail
	} > paper.xml
}
