# A small PNG whose header declares 100000 x 100000 pixels (40 GB decoded):
# refused with an error naming the image, without trying to allocate it
# or crashing.
DESC="a PNG declaring 100000 x 100000 pixels"
RC=1
ERR="^paper\\.xml:12:7: error: image 'hall\\.png' "
prepare() {
	python3 "$GEN" png hall.png 100000 100000
}
