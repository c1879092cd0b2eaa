# A style whose logo PNG declares 100000 x 100000 pixels: refused from the
# header, before decoding (docs/security.md).
DESC="a style logo PNG declaring 100000 x 100000 pixels"
RC=1
ERR="^style\\.xml:3:3: error: logo 'logo\\.png' is 100000 x 100000 pixels, more than a logo needs"
ARGS="--style style.xml"
prepare() {
	python3 "$GEN" png logo.png 100000 100000
}
