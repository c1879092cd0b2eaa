# images/hall.png is a symbolic link to a valid PNG outside the paper's
# folder: refused after symlinks are resolved, nothing embedded.
DESC="an image that is a symlink to a PNG outside the folder"
RC=1
ERR="^paper\\.xml:12:7: error: image 'images/hall\\.png' resolves outside the paper's folder"
prepare() {
	mkdir -p images "$W.outside"
	python3 "$GEN" png "$W.outside/hall.png" 40 20
	ln -s "$W.outside/hall.png" images/hall.png
}
