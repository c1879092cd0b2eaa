# A CSV category label of 3 MB (the file is under its 4 MiB limit): chart
# text is at most 2000 bytes, from CSV as from the paper; a limit error
# naming the file and row, exit 3, within 10 s.
DESC="a 3 MB category label in a CSV file"
RC=3
ERR='^paper\.xml:13:9: error: data/long\.csv:3: label is 3000000 bytes; chart text is limited to 2000$'
LIMIT=10
prepare() {
	mkdir -p data
	{
		echo 'Segment,Percent'
		echo 'Short,10'
		awk 'BEGIN { for (i = 0; i < 300000; i++) printf "Long label"; print ",20" }'
	} > data/long.csv
	sed 's|data/ragged\.csv|data/long.csv|' "$PATHO/csv-ragged-rows/paper.xml" > paper.xml
}
