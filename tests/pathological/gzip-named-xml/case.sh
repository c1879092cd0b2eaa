# A gzip-compressed paper named .xml: libxml2 would inflate it silently;
# boardc refuses it (docs/security.md).
DESC="a gzip file named paper.xml"
RC=1
ERR='^paper\.xml:1:1: error: file is gzip-compressed'
prepare() {
	{ paper_head "Compressed"; printf '    <p>Inflated silently?</p>\n'; paper_tail; } | gzip -9 > paper.xml
}
