# An agenda whose item names the agenda itself as its paper: no recursion;
# an error that the item's paper must be a <paper>, exit 1, no pack.
DESC="boardc pack: an agenda item whose paper is the agenda"
CMD=pack
INPUT=agenda.xml
RC=1
ERR="agenda\\.xml:2:1: error: an agenda item's paper must be a <paper>"
