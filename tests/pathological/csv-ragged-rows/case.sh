# Rows with too many and too few fields.
DESC="a CSV with ragged rows"
RC=1
ERR="^paper\\.xml:13:9: error: data/ragged\\.csv:3: row has 3 fields; the header has 2"
