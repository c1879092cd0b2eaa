# A DOCTYPE whose external DTD is on the network (a local listener stands
# in for the attacker's server): refused, and nothing is fetched.
DESC="external DTD over http (SYSTEM \"http://127.0.0.1:PORT/paper.dtd\")"
RC=1
ERR='^paper\.xml:2:1: error: DOCTYPE declarations are not allowed'
prepare() {
	start_listener
	sed "s/PORT/$PORT/g" paper.in > paper.xml
}
verify() { stop_listener; }
