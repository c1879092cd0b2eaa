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

# A word too wide for its table cell breaks between syllables ("Employ-ment",
# not "Employme-nt"), keeping its link and footnote marker; words that fit
# their cell are not hyphenated.
cat > "$TMP/hy.xml" <<'XML'
<paper xmlns="urn:x-boardc:paper:1">
<front><committee>Cabinet</committee><meeting date="2010-07-06"/><title>Hyphens</title></front>
<section title="Tables"><table><caption>Narrow</caption>
<col width="1*"/><col width="1*"/><col width="1*"/><col width="1*"/><col width="1*"/><col width="1*"/><col width="1*"/>
<tbody><tr><td>Employment</td><td>Commissioning</td><td>Interdependencies</td><td>Organisation</td>
<td><a href="https://example.org/x">Safeguarding</a></td><td>Governance<fn>Terms of reference.</fn></td><td>Pay</td></tr></tbody></table>
<table><caption>Wide</caption><tbody><tr><td>Joint Commissioning Manager</td><td>Employment</td></tr></tbody></table>
</section></paper>
XML
run_boardc build "$TMP/hy.xml" -o "$TMP/hy.pdf"
expect_rc "hyphenation: builds" 0
pdftotext -raw "$TMP/hy.pdf" "$TMP/hy.txt"
check "narrow cell: words break between syllables (Employ- ment, Commis- sioning)" \
	python3 -c "import sys; t = open(sys.argv[1], encoding='utf-8').read(); sys.exit(0 if 'Employ\u00ad\nment\n' in t and 'Commis\u00ad\nsioning\n' in t else repr(t[:400]))" "$TMP/hy.txt"
check "narrow cell: at least three letters either side of every break" \
	python3 -c "
import re, sys
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
breaks = [(a, b) for a, b in zip(lines, lines[1:]) if a.endswith('\u00ad')]
bad = [(a, b) for a, b in breaks if len(re.findall('[A-Za-z]+', a)[-1]) < 3 or len(re.match('[A-Za-z]*', b).group()) < 3]
sys.exit(0 if len(breaks) >= 5 and not bad else 'breaks %s, too short %s' % (breaks, bad))" "$TMP/hy.txt"
check "wide cell: words that fit are not hyphenated" \
	sh -c "grep -qx 'Joint Commissioning Manager Employment' '$TMP/hy.txt' && [ \$(grep -c \$(printf '\302\255') '$TMP/hy.txt') -eq 6 ]"
check "hyphenated cell: the link covers both parts of its word" \
	sh -c "[ \$(python3 '$TOP/tests/pdfcheck.py' links '$TMP/hy.pdf' | grep -c 'uri:https://example.org/x') -eq 2 ]"
check "hyphenated cell: the footnote marker stays after its word" \
	grep -qx 'ernance1' "$TMP/hy.txt"
# A language with no hyphenation patterns installed (Welsh): the word is
# broken between letters as before, and the paper builds.
sed 's/<paper xmlns="urn:x-boardc:paper:1">/<paper xmlns="urn:x-boardc:paper:1" lang="cy">/' \
	"$TMP/hy.xml" > "$TMP/hy-cy.xml"
run_boardc build "$TMP/hy-cy.xml" -o "$TMP/hy-cy.pdf"
expect_rc "no patterns for the language: builds" 0
check "no patterns for the language: no soft hyphen, the word still breaks" \
	sh -c "pdftotext -raw '$TMP/hy-cy.pdf' - > '$TMP/hy-cy.txt' && ! grep -q \$(printf '\302\255') '$TMP/hy-cy.txt' && grep -q '^Employme' '$TMP/hy-cy.txt' && ! grep -qx 'Employment' '$TMP/hy-cy.txt'"
