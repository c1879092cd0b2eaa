# The whole paper in UTF-16BE with a byte-order mark, with text outside the
# Basic Multilingual Plane (a surrogate pair) between words: read as UTF-16
# (docs/format.md), every word in the PDF.
DESC="a UTF-16BE file with a BOM and a surrogate pair"
RC=0
TEXT="Big-endian paper
Saved as UTF-16BE: £ café € naïve, then"
BODY_TEXT="andtheend."
prepare() {
	{
		paper_head "Big-endian paper"
		printf '    <p>Saved as UTF-16BE: £ café € naïve, then \360\235\204\236 and the end.</p>\n'
		paper_tail
	} | sed 's/encoding="UTF-8"/encoding="UTF-16"/' |
		python3 -c 'import sys; sys.stdout.buffer.write(b"\xfe\xff" + sys.stdin.read().encode("utf-16-be"))' > paper.xml
}
