# A 1 MB committee name (paper.xml), and the same text in the body.
phrases() { awk 'BEGIN { for (i = 0; i < 60000; i++) printf "Long title words "; printf "EndOfCommittee" }'; }
{
	printf '<paper xmlns="urn:x-boardc:paper:1"><front><committee>'
	phrases
	printf '</committee>\n<meeting date="2024-05-14"/><title>Long committee</title></front>\n'
	printf '<section title="S"><p>The body.</p></section></paper>\n'
} > paper.xml
{
	printf '<paper xmlns="urn:x-boardc:paper:1"><front><committee>C</committee>\n'
	printf '<meeting date="2024-05-14"/><title>Long committee</title></front>\n<section title="S"><p>'
	phrases
	printf '</p></section></paper>\n'
} > body.xml
