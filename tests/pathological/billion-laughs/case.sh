# Billion laughs, expanded in an attribute value rather than in text (a
# different libxml2 code path): refused at the DOCTYPE, quickly.
DESC="nested entity expansion (10^9) in an attribute"
RC=1
ERR='^paper\.xml:2:1: error: DOCTYPE declarations are not allowed'
LIMIT=10
