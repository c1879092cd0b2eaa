# A paper long enough (30,000 paragraphs) to be interrupted while writing.
{
	printf '<paper xmlns="urn:x-boardc:paper:1"><front><committee>C</committee>'
	printf '<meeting date="2024-05-14"/><title>Interrupted</title></front>\n<section title="S">\n'
	awk 'BEGIN { for (i = 1; i <= 30000; i++) printf "<p>Paragraph %d of the long paper.</p>\n", i }'
	printf '</section></paper>\n'
} > paper.xml
