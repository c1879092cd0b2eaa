# The whole paper in UTF-16LE with a byte-order mark: docs/format.md says
# boardc reads UTF-8 and UTF-16 with a BOM (converted to UTF-8 on reading).
# What must not happen is mojibake or lost text: the outcome pinned here is
# a correct PDF. (utf16-bom-diagnostic checks positions in such a file.)
DESC="a UTF-16LE file with a BOM"
RC=0
TEXT="Double-byte paper
A paper saved as UTF-16 with a BOM: £ café € naïve."
prepare() {
	{
		paper_head "Double-byte paper"
		printf '    <p>A paper saved as UTF-16 with a BOM: £ café € naïve.</p>\n'
		paper_tail
	} | sed 's/encoding="UTF-8"/encoding="UTF-16"/' |
		python3 -c 'import sys; sys.stdout.buffer.write(b"\xff\xfe" + sys.stdin.read().encode("utf-16-le"))' > paper.xml
}
