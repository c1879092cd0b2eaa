# -o - with standard output on /dev/full: the write fails (ENOSPC); exit 3
# with a diagnostic, not exit 0.
DESC="-o - with stdout redirected to /dev/full"
run_case() {
	if [ ! -w /dev/full ]; then skip "no /dev/full"; return 0; fi
	_t0=$(date +%s%3N)
	GOT=0
	timeout 60 "$BOARDC" build paper.xml -o - > /dev/full 2> "$W/stderr" || GOT=$?
	CASE_SECS=$(ms_to_s $(($(date +%s%3N) - _t0)))
	want_exit 3
	want_stderr '^paper\.xml: error: .*(standard output|writing the PDF failed|No space left)'
	want_utf8_stderr
}
