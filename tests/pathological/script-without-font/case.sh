# Arabic and Chinese with only the test fonts (no glyphs for them): the
# paper still builds, boardc warns that characters have no glyph, naming
# the font, and the text around them is intact. The warning quotes the
# start of the paragraph; it must not cut a character in half (stderr must
# stay valid UTF-8).
DESC="Arabic and CJK text with no font that has them"
RC=0
ERR='^paper\.xml: warning: [0-9]+ characters in "Before the Arabic '
verify() { want_stderr "have no glyph in font 'Liberation Sans'"; }
TEXT="Before the Arabic
then Chinese
and after."
prepare() {
	{
		paper_head "No font for it"
		printf '%s\n' '    <p>Before the Arabic مرحبا بالعالم then Chinese 中文文本 and after.</p>'
		paper_tail
	} > paper.xml
}
