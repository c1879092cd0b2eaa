# A paragraph of 80,000 <em> children, with an id (paper.xml) and without.
for id in ' id="p-many"' ''; do
	{
		printf '<paper xmlns="urn:x-boardc:paper:1"><front><committee>C</committee>\n'
		printf '<meeting date="2024-05-14"/><title>Many children</title></front>\n<section title="S">\n'
		printf '<p%s>\n' "$id"
		awk 'BEGIN { for (i = 0; i < 80000; i++) printf "<em>x%d</em>\n", i }'
		printf '</p></section></paper>\n'
	} > "p$id.xml"
done
mv 'p id="p-many".xml' paper.xml
mv p.xml noid.xml
