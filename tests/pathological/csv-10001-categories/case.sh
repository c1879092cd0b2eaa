# A CSV file of 10,001 rows for a bar chart: one category over the limit a
# chart takes from <point>s (10,000). The same limit applies to CSV data:
# an error naming the file and row, exit 1. (CSV data went uncounted.)
DESC="a CSV file with 10,001 categories"
RC=1
ERR='^paper\.xml:13:9: error: data/rows\.csv:10002: a chart may have at most 10000 categories$'
prepare() {
	mkdir -p data
	{ echo 'Segment,Percent'; awk 'BEGIN { for (i = 0; i <= 10000; i++) printf "Cat %d,%d\n", i, i % 97 }'; } > data/rows.csv
	sed 's|data/ragged\.csv|data/rows.csv|' "$PATHO/csv-ragged-rows/paper.xml" > paper.xml
}
