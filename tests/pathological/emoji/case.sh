# Emoji (no glyphs in the test fonts): builds, warns about missing glyphs,
# keeps the text around them; the warning quotes the start of the
# paragraph and must not cut a character in half (stderr must stay UTF-8).
DESC="emoji in the title and text (ZWJ sequences, flags)"
RC=0
ERR='warning: [0-9]+ characters? in ".*" ha(s|ve) no glyph'
TEXT="Targets met
and missed
done."
prepare() {
	{
		paper_head "Emoji 📊 report"
		printf '%s\n' '    <p>Targets met 👍 and missed 👎, flag 🇬🇧, family 👨‍👩‍👧 done.</p>'
		paper_tail
	} > paper.xml
}
