# -o names the input file itself: a usage error (exit 2) before anything is
# read or written; the paper is unchanged and no temporary file is made.
DESC="boardc build paper.xml -o paper.xml"
run_case() {
	cp paper.xml paper.ref
	bc_run build paper.xml -o paper.xml
	want_exit 2
	want_stderr "^boardc: output 'paper\\.xml' would overwrite the input"
	want_same paper.ref paper.xml
	want_no_temp .
	want_utf8_stderr
}
