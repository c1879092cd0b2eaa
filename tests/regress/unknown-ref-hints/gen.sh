# 2,000 paragraphs with 64-character ids, then 2,000 <ref>s: to those ids in
# resolved.xml, to ids that do not exist in paper.xml.
for kind in good bad; do
	{
		printf '<paper xmlns="urn:x-boardc:paper:1"><front><committee>C</committee>\n'
		printf '<meeting date="2024-05-14"/><title>Dangling references</title></front>\n<section title="S">\n'
		awk -v kind=$kind 'BEGIN {
			for (i = 0; i < 2000; i++)
				printf "<p id=\"identifier-%05d-%s\">Text %d.</p>\n", i, sprintf("%047d", 0), i
			for (i = 0; i < 2000; i++)
				printf "<p>See <ref to=\"%s-%05d-%s\"/>.</p>\n", kind == "good" ? "identifier" : "reference", i, sprintf("%0*d", kind == "good" ? 47 : 48, 0) }'
		printf '</section></paper>\n'
	} > $kind.xml
done
mv good.xml resolved.xml
mv bad.xml paper.xml
