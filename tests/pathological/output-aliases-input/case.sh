# -o names the input by another path: "./sub/../paper.xml", a hard link to
# it and a symbolic link to it. Each is the same file: exit 2, the paper
# unchanged (a rename over the hard link would leave the input alone but a
# write through the symlink would not), no temporary file.
DESC="-o as ./sub/../paper.xml, a hard link and a symlink to the input"
run_case() {
	cp paper.xml paper.ref
	mkdir -p sub
	ln paper.xml hard.xml
	ln -s paper.xml soft.xml
	for o in ./sub/../paper.xml hard.xml soft.xml; do
		bc_run build paper.xml -o "$o"
		[ "$GOT" = 2 ] || bad "-o $o: $(why_status "$GOT"), wanted exit 2"
		grep -q "would overwrite the input" "$W/stderr" || bad "-o $o: no 'would overwrite the input' diagnostic"
		want_same paper.ref paper.xml
		[ -L soft.xml ] || bad "-o $o: soft.xml is no longer a symlink"
	done
	want_no_temp .
	want_no_temp sub
	want_utf8_stderr
}
