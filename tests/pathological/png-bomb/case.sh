# A complete 12000 x 12000 PNG in about 450 kB that decodes to 576 MB:
# builds (paper images have no pixel limit; a logo's is 16 million), or
# refuses with an error naming the image; either way in bounded time and
# without a crash.
DESC="a 450 kB PNG that decodes to 12000 x 12000 pixels"
RC=0
ALT_RC=1
ALT_ERR="^paper\\.xml:12:7: error: image 'hall\\.png' "
TEXT="Figure 1: A picture"
prepare() {
	python3 "$GEN" pngbomb hall.png 12000 12000
}
