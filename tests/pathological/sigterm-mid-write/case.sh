# SIGTERM while boardc writes a long paper (30,000 paragraphs, some 860
# pages) over an existing output: the signal is sent once boardc's
# temporary file has appeared beside the target. The target must be the old
# file, byte for byte (never a partial PDF).
DESC="SIGTERM during the PDF write"
run_case() {
	{
		paper_head "Interrupted"
		awk 'BEGIN { for (i = 1; i <= 30000; i++) printf "    <p>Paragraph %d of the long paper.</p>\n", i }'
		paper_tail
	} > paper.xml
	signal_mid_write paper.xml TERM || return 0
	# SIGINT and SIGTERM can be caught: the temporary file must go too.
	[ -z "$TEMP_LEFT" ] ||
		bad "temporary file left after SIGTERM: $(basename "$TEMP_LEFT"), $(wc -c < "$TEMP_LEFT" | tr -d ' ') bytes"
	rm -f out/.boardc-*
}
