# 80,000 <em> children in a table cell (paper.xml) and in a paragraph.
children() { awk 'BEGIN { for (i = 0; i < 80000; i++) printf "<em>x%d</em>\n", i }'; }
head() {
	printf '<paper xmlns="urn:x-boardc:paper:1"><front><committee>C</committee>\n'
	printf '<meeting date="2024-05-14"/><title>Many children</title></front>\n<section title="S">\n'
}
{ head; printf '<table><tbody><tr><td align="left">\n'; children; printf '</td></tr></tbody></table></section></paper>\n'; } > paper.xml
{ head; printf '<p>\n'; children; printf '</p></section></paper>\n'; } > para.xml
