# A committee name and an agenda item number of 1 MB each (just under the
# 1 MiB text limit). Both go into the default style's running header on
# every page of the hundreds the front sheet fills; each header is one line,
# cut with an ellipsis. The peak memory must be about that of the same 2 MB
# of text in the body: at most twice it plus 64 MiB, and the time at most 3
# times plus 2 s. (The header used to lay out the whole value on every page:
# 108 s and 13 GB for the committee alone.)
DESC="1 MB committee and item values, shown in the running header of every page"
phrases() { awk -v n="${SIZE:-60000}" -v m="$1" 'BEGIN { for (i = 0; i < n; i++) printf "Long title words "; printf "%s", m }'; }
prepare() {
	{
		printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
			'<paper xmlns="urn:x-boardc:paper:1">' '  <front>'
		printf '    <committee>'; phrases EndOfCommittee; printf '</committee>\n'
		printf '    <item>'; phrases EndOfItem; printf '</item>\n'
		printf '%s\n' '    <meeting date="2024-05-14"/>' '    <title>Long running fields</title>' \
			'  </front>' '  <section id="intro" title="Introduction">' '    <p>The body.</p>'
		paper_tail
	} > paper.xml
	{
		paper_head "Long running fields"
		printf '    <p>'; phrases EndOfCommittee; printf '</p>\n'
		printf '    <p>'; phrases EndOfItem; printf '</p>\n'
		paper_tail
	} > body.xml
}
run_case() {
	mkdir -p out
	bc_run_rss build body.xml -o out/body.pdf
	[ -z "$SKIP" ] || return 0
	want_exit 0 || return 0
	base=$SECS base_kb=$RSS_KB
	note "the same text in the body: $base s, $((base_kb / 1024)) MiB"
	CASE_SECS=
	bc_run_rss build paper.xml -o out/out.pdf
	want_exit 0 || return 0
	note "$((RSS_KB / 1024)) MiB"
	want_pdf out/out.pdf
	TEXT="EndOfCommittee
EndOfItem"
	want_text out/out.pdf
	want_utf8_stderr
	# The header of page 2: the start of the committee, cut with an ellipsis.
	pdftotext -f 2 -l 2 out/out.pdf - | head -n 3 | grep -q 'Long title words.*…' ||
		bad "page 2's header lacks the committee cut with an ellipsis"
	[ "$RSS_KB" -le $((2 * base_kb + 65536)) ] ||
		bad "peak memory $((RSS_KB / 1024)) MiB, with the text in the body $((base_kb / 1024)) MiB"
	BASE=$base
	within_baseline "with the text in the running fields it"
}
