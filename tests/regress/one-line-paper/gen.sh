# 50,000 <em> elements, one a line (lines.xml) and all on one line (paper.xml).
{
	printf '<paper xmlns="urn:x-boardc:paper:1"><front><committee>C</committee>\n'
	printf '<meeting date="2024-05-14"/><title>One line</title></front>\n<section title="S"><p>\n'
	awk 'BEGIN { for (i = 0; i < 50000; i++) printf "<em>x%d</em>\n", i }'
	printf '</p></section></paper>\n'
} > lines.xml
tr '\n' ' ' < lines.xml > paper.xml
