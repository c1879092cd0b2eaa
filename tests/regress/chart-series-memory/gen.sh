# 10,000 points in one series, then 20,000 empty series (0.8 MB).
{
	printf '<paper xmlns="urn:x-boardc:paper:1"><front><committee>C</committee>\n'
	printf '<meeting date="2024-05-14"/><title>Many series</title></front>\n<section title="S">\n'
	printf '<figure id="f"><caption>Series</caption><alt>A bar chart.</alt><chart type="bar" mode="grouped"><series name="a">\n'
	awk 'BEGIN { for (i = 0; i < 10000; i++) printf "<point label=\"C%d\" value=\"1\"/>\n", i
		print "</series>"; for (s = 0; s < 20000; s++) printf "<series name=\"S%d\"/>\n", s }'
	printf '</chart></figure></section></paper>\n'
} > paper.xml
# The same chart with one series, for the memory bound.
sed '/^<series name="S[0-9]*"\/>$/d' paper.xml > one.xml
