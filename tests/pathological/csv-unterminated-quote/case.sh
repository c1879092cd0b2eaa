# A CSV whose last field opens a quote that never closes: strict parsing
# reports it with the row.
DESC="a CSV with an unterminated quote"
RC=1
ERR="^paper\\.xml:13:9: error: data/open\\.csv:4: CSV error: "
