#!/bin/sh
# layout.sh - placement rules checked on word boxes (pdftotext -bbox).
. "$(dirname "$0")/../lib.sh"

# xpos PDF WORD FIELD: xMin or xMax of the first box whose word is WORD.
xpos() {
	pdftotext -bbox "$1" - | grep -F ">$2</word>" | head -1 |
		sed -n "s/.*$3=\"\([0-9.]*\)\".*/\1/p"
}

run_boardc build "$DATA/flat.xml" -o "$TMP/flat.pdf"
expect_rc "flat: builds" 0
check "flat: paragraphs numbered 1-4 through the paper" \
	sh -c "pdftotext -raw '$TMP/flat.pdf' - | tr -d '\f' | grep -E '^[0-9]+\. ' | tr '\n' ' ' | grep -q '^1\. Alpha paragraph\. 2\. Bravo paragraph\. 3\. Charlie paragraph\. 4\. Delta paragraph\.'"
num_end=$(xpos "$TMP/flat.pdf" "1." xMax)
text_start=$(xpos "$TMP/flat.pdf" "Alpha" xMin)
check "flat: paragraph number does not overprint the text ($num_end < $text_start)" \
	awk "BEGIN { exit !($num_end + 2 < $text_start) }"

run_boardc build "$DATA/deep.xml" -o "$TMP/deep.pdf"
expect_rc "deep: builds" 0
num_end=$(xpos "$TMP/deep.pdf" "1.1.1.1" xMax)
text_start=$(xpos "$TMP/deep.pdf" "Deepest" xMin)
check "deep: a four-level number pushes its text along ($num_end < $text_start)" \
	awk "BEGIN { exit !($num_end + 2 < $text_start) }"
