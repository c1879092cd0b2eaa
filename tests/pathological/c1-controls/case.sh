# C1 control characters (U+0080-U+009F: allowed in XML 1.0, meaningless in
# print) in the title (PDF metadata and bookmark), a heading and the text:
# must not crash; the words around them survive.
DESC="C1 control characters in title, heading and text"
RC=0
TEXT="Next
line and
controls, csi
Heading
here"
prepare() {
	{
		printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
			'<paper xmlns="urn:x-boardc:paper:1">' '  <front>' \
			'    <committee>Audit Committee</committee>' \
			'    <meeting date="2024-05-14"/>'
		printf '    <title>C1\302\205title \302\233here</title>\n  </front>\n'
		printf '  <section id="intro" title="Heading \302\204here">\n'
		printf '    <p>Next\302\205line and \302\200\302\237 controls, csi\302\233x.</p>\n'
		paper_tail
	} > paper.xml
}
