# A UTF-8 byte-order mark before the XML declaration (allowed by
# docs/format.md), with non-ASCII text after it.
DESC="a UTF-8 byte-order mark"
RC=0
TEXT="Byte order mark
A paper saved with a BOM: café, £5, naïve – fine."
prepare() {
	{
		printf '\357\273\277'
		paper_head "Byte order mark"
		printf '    <p>A paper saved with a BOM: café, £5, naïve – fine.</p>\n'
		paper_tail
	} > paper.xml
}
