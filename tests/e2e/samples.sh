#!/bin/sh
# samples.sh - every sample builds into a valid, complete, navigable PDF.
. "$(dirname "$0")/../lib.sh"

# numbers PDF: paragraph and section numbers at line starts, in reading order.
numbers() {
	pdftotext -raw -enc UTF-8 "$1" - | tr -d '\f' |
		grep -oE '^([0-9]+\.|[0-9]+(\.[0-9]+)+) ' | tr -d ' ' | tr '\n' ' '
}

for xml in "$SAMPLES"/*.xml; do
	name=$(basename "$xml" .xml)
	pdf="$TMP/$name.pdf"
	run_boardc build "$xml" -o "$pdf"
	expect_rc "$name: builds" 0
	check "$name: qpdf --check" qpdf --check "$pdf"
	check "$name: every word of the source is in the PDF" \
		python3 "$TOP/tests/pdfcheck.py" words "$xml" "$pdf"
	title=$(python3 -c "import sys,xml.etree.ElementTree as E; r=E.parse(sys.argv[1]).getroot(); print(' '.join(r.find('{urn:x-boardc:paper:1}front/{urn:x-boardc:paper:1}title').text.split()))" "$xml")
	check "$name: title metadata" sh -c "pdfinfo '$pdf' | grep -qF 'Title:           $title'"
	check "$name: creator metadata" sh -c "pdfinfo '$pdf' | grep -q '^Creator: *boardc '"
	check "$name: creation date from SOURCE_DATE_EPOCH" \
		sh -c "pdfinfo -isodates '$pdf' | grep -q '^CreationDate: *2023-11-14T22:13:20'"
	python3 "$TOP/tests/pdfcheck.py" catalog "$pdf" > "$TMP/catalog"
	check "$name: catalog has /Lang en-GB, DisplayDocTitle, MarkInfo and XMP metadata" \
		sh -c "grep -qx 'lang en-GB' '$TMP/catalog' && grep -qx 'displaydoctitle True' '$TMP/catalog' && grep -qx 'marked True' '$TMP/catalog' && grep -qx 'metadata /XML' '$TMP/catalog'"
	python3 "$TOP/tests/pdfcheck.py" links "$pdf" > "$TMP/links"
	check "$name: every internal link resolves to a page" \
		sh -c "! grep -q 'page:?\|other' '$TMP/links' && grep -q 'page:[0-9]' '$TMP/links'"
	python3 "$TOP/tests/pdfcheck.py" outline "$pdf" > "$TMP/outline"
	check "$name: outline has the title and headings" \
		sh -c "grep -qF '$title' '$TMP/outline' && [ \$(wc -l < '$TMP/outline') -ge 8 ]"
	# A heading's top (y from the page bottom) is never in the last 40 pt
	# above the bottom margin: it would sit there without its text.
	check "$name: no heading stranded at the foot of a page" \
		sh -c "awk -F'\t' '\$3 > 0 && \$3 < 62 + 40 { bad = 1; print } END { exit bad }' '$TMP/outline'"
	maxx=$(pdftotext -bbox "$pdf" - | sed -n 's/.*xMax="\([0-9.]*\)".*/\1/p' | sort -n | tail -1)
	check "$name: no text beyond the right margin (max x $maxx)" awk "BEGIN { exit !($maxx <= 533.5) }"
	pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
	check "$name: footer on every page says Page X of $pages" \
		sh -c "[ \$(pdftotext '$pdf' - | grep -c 'Page [0-9]* of $pages\$') -eq $pages ]"
	# Same input, same bytes; and the same under a decimal-comma locale.
	run_boardc build "$xml" -o "$TMP/again.pdf"
	check "$name: byte-identical rebuild" cmp "$pdf" "$TMP/again.pdf"
	if locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
		LC_ALL=de_DE.UTF-8 "$BOARDC" build "$xml" -o "$TMP/de.pdf" 2>/dev/null
		check "$name: identical under LC_ALL=de_DE.UTF-8" cmp "$pdf" "$TMP/de.pdf"
	fi
done

# Numbering and reading order, against the published papers.
bd="$TMP/barking-dagenham-cabinet.pdf"
want="1. 1.1 1.2 1.3 1.4 1.5 1.6 1.7 1.8 2. 2.1 2.2 2.3 2.4 2.5 2.6 2.7 2.8 2.9 2.10 2.11 2.12 2.13 3. 3.1 3.2 3.3 4. 4.1 4.2 4.3 4.4 4.5 4.6 4.7 4.8 4.9 4.10 4.11 5. 5.1 5.2 5.3 5.4 5.5 6. 6.1 6.2 6.3 7. 8. 8.1 9. 10."
got=$(numbers "$bd" | sed 's/^1\. //; s/ $//')
check "barking-dagenham: paragraph numbers in reading order" \
	sh -c "printf '%s\n' '$got' | grep -qF '$want'"
check "barking-dagenham: Option 3 link goes to the options section" \
	sh -c "python3 '$TOP/tests/pdfcheck.py' links '$bd' | grep -q '^1	page:'"
check "barking-dagenham: contact email is a mailto link" \
	sh -c "python3 '$TOP/tests/pdfcheck.py' links '$bd' | grep -q 'uri:mailto:guy.swindle@lbbd.gov.uk'"
check "barking-dagenham: front sheet label/value rows" \
	sh -c "pdftotext -f 1 -l 1 '$bd' - | grep -q 'Wards affected' && pdftotext -f 1 -l 1 '$bd' - | grep -q 'For decision'"
# A footnote is printed on the page of its reference.
fnpage=$(for p in $(seq 1 20); do pdftotext -f $p -l $p "$bd" - 2>/dev/null | grep -q 'NHS Annual Report 2008/09' && echo $p && break; done)
check "barking-dagenham: footnote on the page of its reference" \
	sh -c "[ -n '$fnpage' ] && pdftotext -f '$fnpage' -l '$fnpage' '$bd' - | grep -q '£15–20 billion'"

bn="$TMP/barnet-integrated-commissioning.pdf"
got=$(numbers "$bn")
check "barnet: sections 1-11 with 3.1.1 under 3.1" \
	sh -c "printf '%s\n' '$got' | grep -qF '1. 1.1 1.2 2. 2.1 2.2 2.3 2.4 3. 3.1 3.1.1 3.1.2 3.2'"
check "barnet: investment table total" \
	sh -c "pdftotext -layout '$bn' - | grep -E 'Total +2,560'"
hdr_pages=$(for p in $(seq 1 40); do pdftotext -f $p -l $p "$bn" - 2>/dev/null | grep -q 'Outcome success' && echo $p; done | wc -l)
check "barnet: action-plan table runs over pages with its header repeated ($hdr_pages pages)" \
	test "$hdr_pages" -ge 3
check "barnet: annex is lettered" sh -c "pdftotext '$bn' - | grep -q '^Annex A – '"

se="$TMP/southend-integration-next-steps.pdf"
got=$(numbers "$se")
check "southend: paragraph numbers" \
	sh -c "printf '%s\n' '$got' | grep -qF '1. 1.1 1.2 2. 2.1 3. 3.1 3.2 3.3 3.4 4. 4.1'"
check "southend: opportunities table has its header" \
	sh -c "pdftotext '$se' - | grep -q 'Potential opportunity'"

# A long paper is laid out on several threads (-j, default: the cores); the
# PDF is the same byte for byte whatever the number.
for s in barnet-integrated-commissioning london-councils-commissioning; do
	run_boardc build "$SAMPLES/$s.xml" -j1 -o "$TMP/$s-j1.pdf"
	expect_rc "$s: build -j1: exit 0" 0
	run_boardc build "$SAMPLES/$s.xml" -j3 -o "$TMP/$s-j3.pdf"
	expect_rc "$s: build -j3: exit 0" 0
	check "$s: -j1 and -j3 give byte-identical PDFs" cmp "$TMP/$s-j1.pdf" "$TMP/$s-j3.pdf"
done
run_boardc build "$SAMPLES/barnet-integrated-commissioning.xml" -j0 -o "$TMP/j0.pdf"
expect_rc "build -j0: usage error, exit 2" 2
expect_err "build -j0: says what -j needs" "-j needs a number of threads from 1 to 64"
