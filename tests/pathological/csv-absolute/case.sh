# An absolute CSV path to a valid CSV file outside the paper's folder.
DESC="<data src=\"/absolute/path/outside.csv\">"
RC=1
ERR="^paper\\.xml:13:9: error: CSV file '/.*/outside\\.csv' must be a relative path inside the paper's folder"
prepare() {
	mkdir -p "$W.outside"
	printf 'Segment,Percent\nOutside,50\nAlso outside,50\n' > "$W.outside/outside.csv"
	sed "s|ABSOLUTE|$W.outside/outside.csv|" paper.in > paper.xml
}
