# A paper that declares encoding="ISO-8859-1" and holds Latin-1 bytes.
# docs/format.md: boardc reads UTF-8 and UTF-16 only; another declared
# encoding is an error at the declaration, with a hint (libxml2 alone would
# have decoded it, with diagnostics' columns counted in the wrong units).
DESC="a paper in a declared encoding other than UTF-8 or UTF-16"
RC=1
ERR="^paper\.xml:1:21: error: encoding 'ISO-8859-1' is not supported"
prepare() {
	{
		paper_head "Latin-1"
		printf '    <p>Caf\351 and \24310.</p>\n'
		paper_tail
	} | sed 's/encoding="UTF-8"/encoding="ISO-8859-1"/' > paper.xml
}
verify() {
	grep -q '^  hint: .*save the file as UTF-8' "$W/stderr" || bad "no hint to save as UTF-8"
}
