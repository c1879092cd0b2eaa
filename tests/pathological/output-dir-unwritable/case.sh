# The output folder cannot be written. As a normal user: a folder with
# mode 555. As root (where mode bits do not stop writes; detected by
# trying) the target's "folder" is a regular file instead (out/file/x.pdf),
# which no user can create. Then a folder that does not exist. Each: exit 3,
# a diagnostic naming the target, nothing created.
DESC="-o into a read-only folder (as root: into a path under a regular file), and into a missing folder"
run_case() {
	mkdir -p ro
	printf '%%PDF-1.4\n%% existing output\n' > keep.ref
	cp keep.ref ro/x.pdf
	chmod 555 ro
	if ( : > ro/.probe ) 2> /dev/null; then
		rm -f ro/.probe
		note "writes ignore mode 555 here (root): used a path under a regular file"
		: > plainfile
		bc_run build paper.xml -o plainfile/x.pdf
		want_exit 3
		want_stderr "^paper\\.xml: error: cannot create output beside 'plainfile/x\\.pdf': Not a directory"
		[ -f plainfile ] && [ ! -s plainfile ] || bad "plainfile changed"
	else
		bc_run build paper.xml -o ro/x.pdf
		want_exit 3
		want_stderr "^paper\\.xml: error: cannot create output beside 'ro/x\\.pdf': Permission denied"
	fi
	want_same keep.ref ro/x.pdf
	want_no_temp ro
	chmod 755 ro
	bc_run build paper.xml -o missing/x.pdf
	want_exit 3
	want_stderr "^paper\\.xml: error: cannot create output beside 'missing/x\\.pdf': No such file or directory"
	[ ! -e missing ] || bad "the missing folder was created"
	want_utf8_stderr
}
