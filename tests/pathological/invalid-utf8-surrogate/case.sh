# A UTF-16 surrogate (U+D800) encoded as UTF-8 (ED A0 80): not a character.
DESC="invalid UTF-8: an encoded surrogate"
RC=1
ERR='^paper\.xml:9:[0-9]+: error: Char 0xD800 out of allowed range'
prepare() {
	{ paper_head "Surrogate"; printf '    <p>Half \355\240\200 a pair.</p>\n'; paper_tail; } > paper.xml
}
