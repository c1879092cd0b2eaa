# A paper in UTF-16BE with no byte-order mark (the XML declaration says
# UTF-16). docs/format.md: UTF-16 needs the mark; without it, a clear error
# rather than libxml2's guess.
DESC="UTF-16 without a byte-order mark"
RC=1
ERR='^paper\.xml:1:1: error: file is UTF-16 without a byte-order mark'
prepare() {
	{
		paper_head "No byte-order mark"
		printf '    <p>Text.</p>\n'
		paper_tail
	} | sed 's/encoding="UTF-8"/encoding="UTF-16"/' |
		python3 -c 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("utf-16-be"))' > paper.xml
}
