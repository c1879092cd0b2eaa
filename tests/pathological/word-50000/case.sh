# A 50,000-letter word with no break opportunity: boardc adds invisible
# break points so it wraps; every letter must reach the PDF, in order.
DESC="a 50,000-character word"
RC=0
prepare() {
	python3 -c '
import random, string, sys
r = random.Random(50000)
print("".join(r.choice(string.ascii_letters) for _ in range(int(sys.argv[1]))))' "${SIZE:-50000}" > word.txt
	{
		paper_head "Long word"
		printf '    <p id="w">Before %s after.</p>\n' "$(cat word.txt)"
		paper_tail
	} > paper.xml
	BODY_TEXT="Before$(cat word.txt)after."
}
