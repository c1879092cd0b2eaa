#!/bin/sh
# accessibility.sh - tagged PDF essentials on every sample and a pack:
# structure tree with headings, lists, tables and figures; /Alt on every
# Figure; /Scope on every TH; no skipped heading levels; links inside the
# tree; document language, title shown by the viewer, XMP metadata.
. "$(dirname "$0")/../lib.sh"

for xml in "$SAMPLES"/*.xml; do
	name=$(basename "$xml" .xml)
	run_boardc build "$xml" -o "$TMP/$name.pdf"
	expect_rc "$name: builds" 0
	check "$name: structure tree essentials" \
		python3 "$TOP/tests/pdfcheck.py" structure "$TMP/$name.pdf"
	python3 "$TOP/tests/pdfcheck.py" structure "$TMP/$name.pdf" > "$TMP/s.txt" 2>&1
	check "$name: headings, paragraphs, lists and tables are tagged" \
		sh -c "grep -q 'H1=' '$TMP/s.txt' && grep -q ' P=' '$TMP/s.txt' && grep -q ' LI=' '$TMP/s.txt' && grep -q ' Lbl=' '$TMP/s.txt' && grep -q ' Table=' '$TMP/s.txt' && grep -q ' TH=' '$TMP/s.txt'"
	# The front sheet and each <table>: one Table element each, however
	# many pages a table runs over.
	tables=$(($(grep -c '<table' "$xml") + 1))
	check "$name: front sheet and $((tables - 1)) tables are $tables Table elements" \
		grep -q "^counts.* Table=$tables\( \|\$\)" "$TMP/s.txt"
	title=$(python3 -c "import sys,xml.etree.ElementTree as E; r=E.parse(sys.argv[1]).getroot(); print(' '.join(r.find('{urn:x-boardc:paper:1}front/{urn:x-boardc:paper:1}title').text.split())[:30])" "$xml")
	check "$name: the first heading in the structure tree is the title" \
		sh -c "pdfinfo -struct-text '$TMP/$name.pdf' | grep -A1 -m1 '^  H1' | tail -1 | grep -qF '$title'"
done

# Figures carry their alt text and the chart's own description.
run_boardc build "$SAMPLES/london-councils-commissioning.xml" -o "$TMP/lc.pdf"
check "figure /Alt includes the chart's generated description" python3 -c "
import json, subprocess, sys
d = json.loads(subprocess.run(['qpdf', '--json', '$TMP/lc.pdf'], capture_output=True).stdout)
alts = [v['value'].get('/Alt', '') for v in d['qpdf'][1].values()
        if isinstance(v.get('value'), dict) and v['value'].get('/S') == '/Figure']
sys.exit(0 if any('bar chart, 3 categories' in a for a in alts) else 'alts: %s' % alts)"

# A numbered paragraph is one P that begins with its number and a space (as
# in the HTML output); bullets and list numbers stay L > LI > Lbl + LBody.
run_boardc build "$SAMPLES/barking-dagenham-cabinet.xml" -o "$TMP/bd.pdf"
pdfinfo -struct-text "$TMP/bd.pdf" > "$TMP/bd.txt"
check "numbered paragraph is a P beginning '1.1 '" \
	sh -c "grep -A1 '^  P (block)' '$TMP/bd.txt' | grep -q '^    \"1.1 In recent years'"
check "no paragraph number is tagged as a list label" \
	sh -c "! grep -A1 'Lbl (block)' '$TMP/bd.txt' | grep -q '\"[0-9][0-9.]*\"'"
check "bullets are list labels" \
	sh -c "grep -A1 'Lbl (block)' '$TMP/bd.txt' | grep -q '\"• \"'"
check "headings keep a space after their number" \
	sh -c "grep -A1 '^  H1 (block)' '$TMP/bd.txt' | grep -q '\"1. Background\"'"

# Header cells: column headers in a table head, row headers on the front sheet.
run_boardc build "$SAMPLES/barnet-integrated-commissioning.xml" -o "$TMP/bn.pdf"
check "front-sheet labels are row headers, table heads column headers" \
	sh -c "pdfinfo -struct-text '$TMP/bn.pdf' > '$TMP/st.txt' && grep -q '/Scope /Row' '$TMP/st.txt' && grep -q '/Scope /Column' '$TMP/st.txt'"
check "a paragraph, a list and a table broken by a page are one element each" \
	sh -c "python3 '$TOP/tests/pdfcheck.py' structure '$TMP/bn.pdf' | grep '^spanning' | grep ' P=[1-9]' | grep ' L=[1-9]' | grep -q ' Table=[1-9]'"
check "a table header repeated on later pages is tagged once (the repeats are artifacts)" \
	sh -c "[ \$(pdftotext '$TMP/bn.pdf' - | grep -c '^Expected outputs') -gt 3 ] && [ \$(grep -c '\"Expected outputs\"' '$TMP/st.txt') -eq 1 ]"
check "a table cell holding a link keeps its tag and its text (contact officer)" \
	sh -c "grep -A4 '\"Contact officer\"' '$TMP/st.txt' | grep -A1 '^ *TD\$' | grep -q 'Tel: 020 8937 7632 Email: ' && grep -A4 '\"Contact officer\"' '$TMP/st.txt' | grep -q '\"Ceri.jacob@nclondon.nhs.uk\"'"
check "a link's words are in its Link element, with its annotation" \
	sh -c "grep -A2 '^ *Link (inline)' '$TMP/st.txt' | grep -A1 '^ *\"Annex A\"\$' | grep -q '^ *Object [0-9]'"
check "the words around a link stay in its paragraph" \
	sh -c "grep -B1 '^ *Link (inline)' '$TMP/st.txt' | grep -q 'Commissioning Plan at \"\$'"
check "a bullet in a table cell is followed by a space in the cell's text" \
	sh -c "grep -A3 '^ *TD' '$TMP/st.txt' | grep -q '^ *\"• Multi Agency'"

# A long paper: its parent tree spans several leaves, each checked.
python3 -c "
import sys
print('<?xml version=\"1.0\" encoding=\"UTF-8\"?><paper xmlns=\"urn:x-boardc:paper:1\" lang=\"en-GB\"><front><committee>Cabinet</committee><meeting date=\"2024-03-14\"/><title>Long</title></front>')
for s in range(40):
    print('<section title=\"Part %d\">' % s)
    for p in range(30):
        print('<p>Paragraph %d of part %d, long enough to fill a few lines of the page with ordinary words that say little. See <a href=\"https://example.org/%d\">the source</a>.</p>' % (p, s, p))
    print('</section>')
print('</paper>')" > "$TMP/long.xml"
run_boardc build "$TMP/long.xml" -o "$TMP/long.pdf"
expect_rc "long paper: builds" 0
python3 "$TOP/tests/pdfcheck.py" structure "$TMP/long.pdf" > "$TMP/long.txt" 2>&1
check "long paper: structure tree essentials, parent tree in several leaves" \
	sh -c "! grep -v '^counts\|^parenttree\|^spanning' '$TMP/long.txt' | grep -q . && grep -q '^parenttree keys=[0-9]* leaves=\\([2-9]\\|[1-9][0-9][0-9]*\\)\$' '$TMP/long.txt'"

# A pack is tagged too.
pack="$SAMPLES/packs/hwbb-2012-07-26/agenda.xml"
if [ -f "$pack" ]; then
	run_boardc pack "$pack" -o "$TMP/pack.pdf"
	expect_rc "pack: builds" 0
	check "pack: structure tree essentials" \
		python3 "$TOP/tests/pdfcheck.py" structure "$TMP/pack.pdf"
	python3 "$TOP/tests/pdfcheck.py" catalog "$TMP/pack.pdf" > "$TMP/cat.txt"
	check "pack: language, title shown, marked" \
		sh -c "grep -qx 'lang en-GB' '$TMP/cat.txt' && grep -qx 'displaydoctitle True' '$TMP/cat.txt' && grep -qx 'marked True' '$TMP/cat.txt'"
	# The agenda and each paper are a Part titled as its item, agenda first.
	pdfinfo -struct-text "$TMP/pack.pdf" > "$TMP/ps.txt" 2>/dev/null
	parts=$(($(grep -c 'paper="' "$pack") + 1))
	check "pack: the agenda and each of the $((parts - 1)) papers are a Part" \
		sh -c "[ \$(grep -c '^  Part \"' '$TMP/ps.txt') -eq $parts ]"
	check "pack: the agenda's Part comes first, then item 3's" \
		sh -c "grep '^  Part' '$TMP/ps.txt' | head -2 | tr '\n' '|' | grep -q '^  Part \"Agenda\"|  Part \"Item 3: Minutes'"
	check "pack: a link wrapped over two lines is one Link, with an annotation a line" \
		sh -c "grep -A2 '^ *\"NHS London Strengthening Commissioning Programme' '$TMP/ps.txt' | grep -c '^ *Object [0-9]' | grep -qx 2"
	check "pack: metadata title names the meeting" \
		sh -c "pdfinfo '$TMP/pack.pdf' | grep -q '^Title: .*Health and Well-Being Board'"
fi

# The same papers as one semantic HTML page.
for xml in "$SAMPLES"/*.xml; do
	name=$(basename "$xml" .xml)
	run_boardc build "$xml" --format html -o "$TMP/$name.html"
	expect_rc "$name: html builds" 0
	check "$name: html is balanced, headed, labelled and complete" \
		python3 "$TOP/tests/htmlcheck.py" "$xml" "$TMP/$name.html"
	check "$name: html numbers paragraphs as the PDF does" \
		sh -c "grep -q '<span class=\"num\">1.1</span>' '$TMP/$name.html' || grep -q '<span class=\"num\">1.</span>' '$TMP/$name.html'"
done
run_boardc build "$SAMPLES/hammersmith-fulham-integration.xml" --format html -o "$TMP/hf.html"
check "html: charts are inline SVG named by their text alternative" \
	sh -c "grep -q '<svg role=\"img\" aria-label=\"[^\"]*Bar chart' '$TMP/hf.html'"
