# A style's SVG logo whose <image> names a web address (a local listener):
# refused outright (docs/security.md), nothing fetched.
DESC="an SVG logo with href=\"http://...\""
RC=1
ERR="^style\\.xml:3:3: error: logo 'logo\\.svg' refers to .*outside"
ARGS="--style style.xml"
prepare() {
	start_listener
	sed "s/PORT/$PORT/g" logo.in > logo.svg
}
verify() { stop_listener; }
