# An unknown <ref> on line 9 of a UTF-16LE paper with a BOM (and non-ASCII
# text before it on the line): the diagnostic has the line and the column,
# counted in characters, as for UTF-8. (Before boardc converted UTF-16 on
# reading, its column finder searched the UTF-16 bytes and found nothing.)
DESC="a diagnostic's line and column in a UTF-16 paper"
RC=1
ERR="^paper\.xml:9:14: error: <ref> points at unknown id 'nope'"
prepare() {
	{
		paper_head "Positions in UTF-16"
		printf '    <p>Café: <ref to="nope">this</ref>.</p>\n'
		paper_tail
	} | sed 's/encoding="UTF-8"/encoding="UTF-16"/' |
		python3 -c 'import sys; sys.stdout.buffer.write(b"\xff\xfe" + sys.stdin.read().encode("utf-16-le"))' > paper.xml
}
