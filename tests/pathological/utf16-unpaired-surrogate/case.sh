# A UTF-16LE paper (with a BOM) holding a lone high surrogate (0xD800) in a
# paragraph on line 9: not text; an error at its line and column.
DESC="UTF-16 with an unpaired surrogate"
RC=1
ERR='^paper\.xml:9:15: error: UTF-16 text has an unpaired surrogate \(0xD800\)'
prepare() {
	{
		paper_head "Unpaired"
		printf '    <p>Broken @ here.</p>\n'
		paper_tail
	} | sed 's/encoding="UTF-8"/encoding="UTF-16"/' |
		python3 -c 'import sys; sys.stdout.buffer.write(b"\xff\xfe" + sys.stdin.read().encode("utf-16-le").replace("@".encode("utf-16-le"), b"\x00\xd8"))' > paper.xml
}
