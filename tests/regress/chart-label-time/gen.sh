# A triangle chart with a 1 MB tier label.
{
	printf '<paper xmlns="urn:x-boardc:paper:1"><front><committee>C</committee>\n'
	printf '<meeting date="2024-05-14"/><title>Long label</title></front>\n<section title="S">\n'
	printf '<figure id="f"><caption>Tiers</caption><alt>A triangle.</alt><chart type="triangle">\n<tier label="'
	awk 'BEGIN { for (i = 0; i < 60000; i++) printf "Long label words " }'
	printf '"/><tier label="b"/></chart></figure></section></paper>\n'
} > paper.xml
