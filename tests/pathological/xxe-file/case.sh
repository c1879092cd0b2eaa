# An external entity naming a local file, declared in a DOCTYPE that comes
# after a comment and a processing instruction (line 4) and used in an
# attribute and in text. Refused; nothing of the file may appear anywhere.
DESC="external file entity (/etc/passwd) in a DOCTYPE on line 4"
RC=1
ERR='^paper\.xml:4:1: error: DOCTYPE declarations are not allowed'
INPUT=paper.xml
verify() {
	line=$(head -n 1 /etc/passwd 2>/dev/null)
	for f in "$W/stderr" "$W/stdout"; do
		if [ -n "$line" ] && grep -Fq -- "$line" "$f"; then bad "$(basename "$f") shows /etc/passwd"; fi
	done
}
