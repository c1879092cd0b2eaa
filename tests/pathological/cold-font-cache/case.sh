# A first run with no font cache (XDG_CACHE_HOME an empty folder;
# FONTCONFIG_FILE as the suite sets it): builds, and the PDF is
# byte-identical to one built with the cache warm.
DESC="XDG_CACHE_HOME pointing at an empty folder"
run_case() {
	mkdir -p out cold warm
	RUN_ENV="XDG_CACHE_HOME=$W/warm"
	bc_run build paper.xml -o out/warm1.pdf
	bc_run build paper.xml -o out/warm.pdf
	CASE_SECS=
	RUN_ENV="XDG_CACHE_HOME=$W/cold"
	bc_run build paper.xml -o out/cold.pdf
	want_exit 0
	want_pdf out/cold.pdf
	cmp -s out/cold.pdf out/warm.pdf || bad "the cold-cache PDF differs from the warm-cache one"
	TEXT="Hello board members."
	want_text out/cold.pdf
	want_utf8_stderr
	note "cold-cache run; FONTCONFIG_FILE=$(basename "$FONTCONFIG_FILE")"
}
