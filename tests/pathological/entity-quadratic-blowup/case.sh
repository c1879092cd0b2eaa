# The quadratic blowup: one 100,000-character entity referenced 20,000
# times (2 GB of text from a 2 MB file, no nesting for a depth limit to
# catch). Refused at the DOCTYPE, quickly.
DESC="one 100 kB entity referenced 20,000 times"
RC=1
ERR='^paper\.xml:2:1: error: DOCTYPE declarations are not allowed'
LIMIT=10
prepare() {
	{
		printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>'
		printf '<!DOCTYPE paper [<!ENTITY big "%s">]>\n' "$(awk 'BEGIN { for (i = 0; i < 10000; i++) printf "blowup ha " }')"
		paper_head "Quadratic" | sed 1d
		printf '    <p>'
		awk 'BEGIN { for (i = 0; i < 20000; i++) printf "&big;" }'
		printf '</p>\n'
		paper_tail
	} > paper.xml
}
