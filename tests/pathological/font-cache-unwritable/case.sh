# XDG_CACHE_HOME names a regular file, so fontconfig can neither read nor
# write a cache: the paper still builds, byte-identical to a normal build.
# Fontconfig itself says so on stderr, in a line of its own form.
DESC="XDG_CACHE_HOME pointing at a regular file"
STDERR_ALLOW='Fontconfig error: No writable cache directories'
run_case() {
	mkdir -p out
	: > notadir
	bc_run build paper.xml -o out/normal.pdf
	CASE_SECS=
	RUN_ENV="XDG_CACHE_HOME=$W/notadir"
	bc_run build paper.xml -o out/nocache.pdf
	want_exit 0
	want_pdf out/nocache.pdf
	cmp -s out/nocache.pdf out/normal.pdf || bad "the PDF differs from a normal build"
	want_utf8_stderr
}
