# A CSV path that climbs out of the paper's folder through a subfolder
# (data/../../): refused before anything is read, even though the file
# exists and is a valid CSV.
DESC="<data src=\"data/../../outside.csv\">"
RC=1
ERR="^paper\\.xml:13:9: error: CSV file 'data/\\.\\./\\.\\./outside\\.csv' must be a relative path inside the paper's folder"
prepare() {
	mkdir -p data "$W.outside"
	printf 'Segment,Percent\nOutside,50\nAlso outside,50\n' > "$W.outside/outside.csv"
	ln -s "$W.outside/outside.csv" "$W/../outside.csv" 2>/dev/null || cp "$W.outside/outside.csv" "$W/../outside.csv"
}
verify() { rm -f "$W/../outside.csv"; }
