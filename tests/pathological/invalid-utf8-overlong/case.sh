# An overlong UTF-8 encoding of "/" (C0 AF) in a paragraph: not UTF-8.
DESC="invalid UTF-8: an overlong sequence"
RC=1
ERR='^paper\.xml:9:[0-9]+: error: Input is not proper UTF-8'
prepare() {
	{ paper_head "Overlong"; printf '    <p>Path \300\257etc here.</p>\n'; paper_tail; } > paper.xml
}
verify() {
	# libxml2's second line, the bytes, is a note with the same position.
	grep -Eq '^paper\.xml:9:[0-9]+: note: Bytes: 0xC0 0xAF' "$W/stderr" ||
		bad "no note with the offending bytes: $(stderr_head)"
}
