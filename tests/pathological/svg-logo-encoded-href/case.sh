# The same, with the address written with a character reference
# (href="&#104;ttp://..."): after XML decoding it names an http address in
# an href, so docs/security.md says it is refused outright. (librsvg, given
# no base file, does not fetch it either; the listener checks that.)
DESC="an SVG logo with href=\"&#104;ttp://...\""
RC=1
ERR="^style\\.xml:3:3: error: logo 'logo\\.svg' refers to .*outside"
ARGS="--style style.xml"
prepare() {
	start_listener
	sed "s/PORT/$PORT/g" logo.in > logo.svg
}
verify() { stop_listener; }
