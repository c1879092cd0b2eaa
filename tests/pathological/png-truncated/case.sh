# A PNG cut in half: a clear error naming the image, exit 1.
DESC="a truncated PNG image"
RC=1
ERR="^paper\\.xml:12:7: error: image 'hall\\.png' is not a readable PNG"
prepare() {
	python3 "$GEN" png hall.png 40 20 truncate
}
