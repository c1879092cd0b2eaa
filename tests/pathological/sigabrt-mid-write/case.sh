# SIGABRT while boardc writes a long paper (30,000 paragraphs) over an
# existing output, as when a library (glib, Pango, Cairo) runs out of memory
# under a memory limit and aborts. The target must be the old file, byte for
# byte, and the temporary file must go, as for SIGINT and SIGTERM.
DESC="SIGABRT during the PDF write"
run_case() {
	{
		paper_head "Aborted"
		awk 'BEGIN { for (i = 1; i <= 30000; i++) printf "    <p>Paragraph %d of the long paper.</p>\n", i }'
		paper_tail
	} > paper.xml
	signal_mid_write paper.xml ABRT || return 0
	[ -z "$TEMP_LEFT" ] ||
		bad "temporary file left after SIGABRT: $(basename "$TEMP_LEFT"), $(wc -c < "$TEMP_LEFT" | tr -d ' ') bytes"
	rm -f out/.boardc-*
}
