# data is a symbolic link to the folder above: "data/outside.csv" has no
# ".." in it but resolves outside the paper's folder. Refused.
DESC="a CSV under a symlinked folder that points outside"
RC=1
ERR="^paper\\.xml:13:9: error: CSV file 'data/outside\\.csv' resolves outside the paper's folder"
prepare() {
	mkdir -p "$W.outside"
	printf 'Segment,Percent\nOutside,50\nAlso outside,50\n' > "$W.outside/outside.csv"
	ln -s "$W.outside" data
}
