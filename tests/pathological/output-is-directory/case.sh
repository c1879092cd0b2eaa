# -o names an existing folder: the PDF cannot be renamed over it; exit 3,
# the folder and its contents untouched, no temporary file beside it.
DESC="-o naming an existing directory"
run_case() {
	mkdir -p out/target
	printf 'keep me\n' > out/target/inside.txt
	bc_run build paper.xml -o out/target
	want_exit 3
	want_stderr "^paper\\.xml: error: cannot write 'out/target': Is a directory"
	[ -d out/target ] && [ "$(cat out/target/inside.txt)" = "keep me" ] || bad "the folder changed"
	want_no_temp out
	want_utf8_stderr
}
