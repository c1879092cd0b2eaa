# 2,000 paragraphs with 64-character ids and 2,000 <ref>s to ids that do not
# exist (0.35 MB): 2,000 errors, each with its line. Reporting them must
# take no longer than building the same paper with every <ref> resolved
# (which lays out and writes the PDF): at most 3 times that plus 2 s, both
# under the 60 s bound. (A "did you mean" hint that compares every unknown
# id with every id costs n x n edit distances of 64 x 64 steps: time that
# grows with the square of the paper.)
DESC="2,000 unknown <ref>s among 2,000 long ids, against the same with the refs resolved"
prepare() {
	for kind in good bad; do
		{
			paper_head "Dangling references"
			awk -v n="${SIZE:-2000}" -v kind=$kind 'BEGIN { pad = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
				pdy = "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy";
				for (i = 0; i < n; i++)
					printf "    <p id=\"%s\">Text %d.</p>\n", substr(sprintf("identifier-%05d-%s", i, pad), 1, 64), i;
				for (i = 0; i < n; i++) {
					if (kind == "good") to = sprintf("identifier-%05d-%s", i, pad);
					else to = sprintf("reference-%05d-%s", i, pdy);
					printf "    <p>See <ref to=\"%s\"/>.</p>\n", substr(to, 1, 64) } }'
			paper_tail
		} > $kind.xml
	done
	mv bad.xml paper.xml
}
run_case() {
	baseline good.xml "with the refs resolved" || return 0
	bc_run build paper.xml -o out/out.pdf
	want_exit 1 || return 0
	want_stderr "^paper\\.xml:4008:12: error: <ref> points at unknown id 'reference-01999-y+'"
	n=$(grep -c "error: <ref> points at unknown id" "$W/stderr")
	[ "$n" = 2000 ] || bad "$n of 2000 unknown refs reported"
	want_absent out/out.pdf
	want_no_temp out
	want_utf8_stderr
	within_baseline "reporting the unknown refs"
}
