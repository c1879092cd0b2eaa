# A CSV file of 10,001 categories for a bar chart.
mkdir -p data
{ echo 'Segment,Percent'; awk 'BEGIN { for (i = 0; i <= 10000; i++) printf "Cat %d,%d\n", i, i % 97 }'; } > data/rows.csv
