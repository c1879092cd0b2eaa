# An agenda item's paper is a symlink to a valid paper outside the agenda's
# folder: refused, exit 1, no pack.
DESC="boardc pack: an item's paper is a symlink leading outside"
CMD=pack
INPUT=agenda.xml
RC=1
ERR="^agenda\\.xml:5:3: error: paper 'item\\.xml' resolves outside the agenda's folder"
prepare() {
	mkdir -p "$W.outside"
	cp "$TOP/tests/data/bad/valid.xml" "$W.outside/outside.xml"
	ln -s "$W.outside/outside.xml" item.xml
}
