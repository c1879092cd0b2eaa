# The disk fills while the PDF is written, simulated with ulimit -f (file
# size limit) in a subshell with SIGXFSZ ignored, so write() fails with
# EFBIG as on a full disk. Exit 3, no partial output, the old output intact,
# no temporary file.
DESC="the PDF write fails part-way (ulimit -f, SIGXFSZ ignored)"
run_case() {
	{
		paper_head "Disk full"
		awk 'BEGIN { for (i = 1; i <= 1500; i++) printf "    <p>Paragraph %d fills the disk a little more.</p>\n", i }'
		paper_tail
	} > paper.xml
	mkdir -p out
	bc_run build paper.xml -o out/full.pdf
	size=$(wc -c < out/full.pdf 2>/dev/null | tr -d ' ')
	[ "${size:-0}" -gt 65536 ] || bad "the PDF is only ${size:-0} bytes; the test needs over 64 kB"
	rm -f out/full.pdf
	printf '%%PDF-1.4\n%% existing output\n' > keep.ref
	cp keep.ref out/out.pdf
	CASE_SECS=
	_t0=$(date +%s%3N)
	GOT=0
	( trap '' XFSZ; ulimit -f 64; exec timeout 60 "$BOARDC" build paper.xml -o out/out.pdf ) \
		> "$W/stdout" 2> "$W/stderr" || GOT=$?
	CASE_SECS=$(ms_to_s $(($(date +%s%3N) - _t0)))
	want_exit 3
	want_stderr '^paper\.xml: error: (writing the PDF failed|cannot write)'
	want_same keep.ref out/out.pdf
	want_no_temp out
	want_utf8_stderr
}
