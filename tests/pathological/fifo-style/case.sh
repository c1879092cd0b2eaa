# The same for --style: the style file is a named pipe with no writer.
DESC="--style naming a FIFO with no writer"
RC=3
ERR='^style\.xml: error: not a regular file'
ARGS="--style style.xml"
LIMIT=10
prepare() { mkfifo style.xml; }
