# 10,000 nested <section> elements: over libxml2's nesting limit of 256
# (docs/usage.md: element nesting, exit 1). A recursive tree walk or layout
# must never see this depth.
DESC="10,000 nested sections"
RC=1
ERR='^paper\.xml:[0-9]+:[0-9]+: error: Excessive depth in document: 256'
LIMIT=30
prepare() {
	{
		paper_head "Deep nesting"
		awk 'BEGIN { for (i = 0; i < 10000; i++) printf "<section title=\"Level %d\">", i;
			printf "<p>Deepest.</p>";
			for (i = 0; i < 10000; i++) printf "</section>"; print "" }'
		paper_tail
	} > paper.xml
}
