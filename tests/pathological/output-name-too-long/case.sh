# -o with a 300-character file name (over NAME_MAX): the temporary file has
# a short name, so only the final rename fails; exit 3 and the temporary
# file is removed.
DESC="-o with a 300-character file name"
RC=3
ERR="^paper\\.xml: error: cannot write 'out/a+\\.pdf': File name too long"
run_case() {
	mkdir -p out
	long=$(awk 'BEGIN { for (i = 0; i < 300; i++) printf "a" }')
	bc_run build paper.xml -o "out/$long.pdf"
	want_exit 3
	want_stderr "$ERR"
	want_no_temp out
	[ -z "$(ls -A out)" ] || bad "out/ is not empty: $(ls -A out | cut -c1-40)"
	want_utf8_stderr
}
