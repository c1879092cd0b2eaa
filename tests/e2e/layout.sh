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

# A table row taller than a page is split between its lines, nothing lost,
# and a 12-column table stays inside the margins.
python3 - "$TMP/tall.xml" <<'PY'
import sys
words = " ".join(f"word{i:04d}" for i in range(1500))
cols = "".join(f"<td>Column{c:02d}value</td>" for c in range(12))
open(sys.argv[1], "w").write(f"""<paper xmlns="urn:x-boardc:paper:1">
<front><committee>Cabinet</committee><meeting date="2010-07-06"/><title>Tall</title></front>
<section title="Tables"><table><caption>Tall</caption>
<thead><tr><th>Key</th><th>Text</th></tr></thead>
<tbody><tr><td>Only row</td><td>{words}</td></tr></tbody></table>
<table><caption>Wide</caption><tbody><tr>{cols}</tr></tbody></table></section></paper>""")
PY
run_boardc build "$TMP/tall.xml" -o "$TMP/tall.pdf"
expect_rc "tall row: builds" 0
check "tall row: every word present" \
	python3 "$TOP/tests/pdfcheck.py" words "$TMP/tall.xml" "$TMP/tall.pdf"
check "tall row: runs over at least 3 pages" \
	sh -c "[ \$(pdfinfo '$TMP/tall.pdf' | sed -n 's/^Pages: *//p') -ge 3 ]"
# Right margin of the default style: 595.28 - 22 mm = 532.9 pt.
maxx=$(pdftotext -bbox "$TMP/tall.pdf" - | sed -n 's/.*xMax="\([0-9.]*\)".*/\1/p' | sort -n | tail -1)
check "wide table: nothing beyond the right margin (max x $maxx)" \
	awk "BEGIN { exit !($maxx <= 533.5) }"
