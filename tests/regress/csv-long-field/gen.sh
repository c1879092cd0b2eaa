# A CSV file whose second data row has a 3 MB category label.
mkdir -p data
{
	echo 'Segment,Percent'
	echo 'Short,10'
	awk 'BEGIN { for (i = 0; i < 300000; i++) printf "Long label"; print ",20" }'
} > data/long.csv
