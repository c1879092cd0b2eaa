# Lists nested 30 deep: depth 60, well inside the 256 limit, and
# docs/format.md says lists nest to any depth. Every word must reach the
# PDF (or boardc must refuse the paper with an error); the indent must not
# push the text off the page, where nobody sees it.
DESC="<ul><li> nested 30 deep"
RC=0
TEXT="First level item.
Deepest item text with several words to wrap around the line."
prepare() {
	{
		paper_head "Deep lists"
		printf '<ul><li>First level item.'
		awk 'BEGIN { for (i = 1; i < 30; i++) printf "<ul><li>"; }'
		printf 'Deepest item text with several words to wrap around the line.'
		awk 'BEGIN { for (i = 1; i < 30; i++) printf "</li></ul>"; }'
		printf '</li></ul>\n'
		paper_tail
	} > paper.xml
}
