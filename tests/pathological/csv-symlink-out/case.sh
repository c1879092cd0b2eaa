# data/segments.csv is a symbolic link to a valid CSV outside the paper's
# folder: the path looks innocent; after symlinks it is outside. Refused.
DESC="a CSV that is a symlink to a file outside the folder"
RC=1
ERR="^paper\\.xml:13:9: error: CSV file 'data/segments\\.csv' resolves outside the paper's folder"
prepare() {
	mkdir -p data "$W.outside"
	printf 'Segment,Percent\nOutside,50\nAlso outside,50\n' > "$W.outside/outside.csv"
	ln -s "$W.outside/outside.csv" data/segments.csv
}
