# The same id on a section, a paragraph, a table and an appendix, and a
# <ref> to it: each later use is an error with a note at the one before.
DESC="one id on four elements of different kinds"
RC=1
ERR="^paper\\.xml:9:5: error: duplicate id 'budget'"
verify() {
	want_stderr "^paper\\.xml:8:3: note: 'budget' was first used here"
	want_stderr "^paper\\.xml:10:5: error: duplicate id 'budget'"
	want_stderr "^paper\\.xml:13:3: error: duplicate id 'budget'"
}
