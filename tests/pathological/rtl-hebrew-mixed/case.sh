# Right-to-left Hebrew, alone and inside English, with Greek and Cyrillic:
# all covered by the test fonts (Liberation); every word must come out of
# pdftotext (in logical order, as typed).
DESC="Hebrew paragraphs and mixed-script text"
RC=0
TEXT="ועדת הביקורת אישרה את התקציב
English then עברית then English again.
The committee noted שלום עולם from the partner, then Ελληνικά and Кириллица."
prepare() {
	{
		paper_head "Mixed scripts"
		printf '%s\n' '    <p>ועדת הביקורת אישרה את התקציב</p>' \
			'    <p>English then עברית then English again.</p>' \
			'    <p>The committee noted שלום עולם from the partner, then Ελληνικά and Кириллица.</p>'
		paper_tail
	} > paper.xml
}
