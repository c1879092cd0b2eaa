# Sections nested 50 deep (depth 50 < 256): every heading and paragraph must
# reach the PDF. Hierarchical numbers grow to 1.1.2.2.2... and push the text
# right; it must not run off the page.
DESC="<section> nested 50 deep, a paragraph at each level"
RC=0
prepare() {
	{
		paper_head "Deep sections"
		awk 'BEGIN { for (i = 1; i <= 50; i++) printf "<section title=\"Level %d\"><p>Paragraph at level %d.</p>\n", i, i;
			for (i = 1; i <= 50; i++) printf "</section>"; print "" }'
		paper_tail
	} > paper.xml
	TEXT=$(awk 'BEGIN { for (i = 1; i <= 50; i++) printf "Level %d\nParagraph at level %d.\n", i, i }')
}
