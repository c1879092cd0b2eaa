# A style naming a font that is not installed: a warning naming it and the
# font used instead; the paper still builds with all its text.
DESC="a style with <text font=\"No Such Font\">"
RC=0
ERR="^paper\\.xml: warning: font 'No Such Font' is not installed; using '[^']+' instead"
ARGS="--style style.xml"
TEXT="Hello board members."
