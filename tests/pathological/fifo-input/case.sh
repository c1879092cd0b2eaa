# The paper is a named pipe with no writer. open() on a FIFO blocks until
# someone opens it for writing, so the check for a regular file must not
# wait for open(). boardc must refuse it at once (exit 3, "not a regular
# file"); a bound of 10 s stands for "at once".
DESC="paper.xml is a FIFO with no writer"
RC=3
ERR='^paper\.xml: error: not a regular file'
LIMIT=10
prepare() { mkfifo paper.xml; }
