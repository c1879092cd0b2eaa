# XInclude inside a paragraph, pulling a file from the paper's own folder
# as text: XInclude is never processed; the element is unknown to the
# schema, and the file's contents appear nowhere.
DESC="<xi:include parse=\"text\"> of a file beside the paper"
RC=1
ERR='^paper\.xml:9:[0-9]+: error: .*\binclude\b'
verify() {
	for f in "$W/stderr" "$W/stdout"; do
		if grep -q SECRET-MARKER "$f"; then bad "$(basename "$f") shows the included file"; fi
	done
}
