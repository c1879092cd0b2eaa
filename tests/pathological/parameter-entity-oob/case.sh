# The out-of-band exfiltration pattern: an external parameter entity over
# http, expanded inside the internal subset, defining an entity that would
# send a local file to the listener. Refused; nothing is fetched.
DESC="external parameter entity over http (out-of-band XXE)"
RC=1
ERR='^paper\.xml:2:1: error: DOCTYPE declarations are not allowed'
LIMIT=20
prepare() {
	start_listener
	sed "s/PORT/$PORT/g" paper.in > paper.xml
}
verify() { stop_listener; }
