# An xml-stylesheet processing instruction naming a web address: an
# ordinary PI, ignored; the paper builds and nothing is fetched.
DESC="<?xml-stylesheet href=\"http://...\"?> before the root"
RC=0
TEXT="Styled from afar
The paper itself is fine."
prepare() {
	start_listener
	{
		printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>'
		printf '<?xml-stylesheet type="text/xsl" href="http://127.0.0.1:%s/style.xsl"?>\n' "$PORT"
		paper_head "Styled from afar" | sed 1d
		printf '    <p>The paper itself is fine.</p>\n'
		paper_tail
	} > paper.xml
}
verify() { stop_listener; }
