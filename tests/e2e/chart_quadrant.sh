#!/bin/sh
# chart_quadrant.sh - quadrant (2x2) charts: each cell in its corner
# whatever the document order, axis and centre labels placed, cells told
# apart in greyscale with readable text, a missing cell reported at the
# chart's line, and long text kept inside the page margins.
. "$(dirname "$0")/../lib.sh"

python3 - "$TMP" <<'PY'
import sys
out = sys.argv[1]
head = """<?xml version="1.0" encoding="UTF-8"?>
<paper xmlns="urn:x-boardc:paper:1">
<front><committee>Cabinet</committee><meeting date="2010-07-06"/><title>Quadrant</title></front>
<section title="Options">
<figure id="f"><caption>Integration options</caption><alt>Four options</alt>
"""
tail = "\n</figure></section></paper>\n"

def paper(name, chart):
    with open(f"{out}/{name}.xml", "w") as f:
        f.write(head + chart + tail)

# Cells out of document order: placement must follow position=.
cells = [("bottom-right", "Southeast", "Budgets aligned but held separately."),
         ("top-left", "Northwest", "Joint boards with separate budgets and contracts."),
         ("bottom-left", "Southwest", "Separate commissioning with informal liaison."),
         ("top-right", "Northeast", "A single pooled budget under one board.")]
def chart(attrs, cs):
    return (f'<chart type="quadrant"{attrs}>\n' +
            "".join(f'<cell position="{p}" title="{t}">{b}</cell>\n' for p, t, b in cs) +
            "</chart>")
paper("four", chart(' centre="Middleground" x-label="Pooling horizontal" '
                    'y-label="Governance vertical"', cells))
paper("plain", chart("", cells))
# Line 6 holds the <chart> start tag (head is 5 lines).
paper("missing", chart("", cells[:3]))
words = " ".join(f"w{i:04d}" for i in range(250))  # under the 2,000-byte chart text limit
paper("long", chart(' centre="' + "Centre " * 40 + '" x-label="' + "across " * 60 +
                    '" y-label="' + "upwards " * 60 + '"',
                    [(p, t + " " + "Title " * 30, words + " " + "x" * 300)
                     for p, t, _ in cells]))
PY

# box PDF WORD: xMin yMin xMax yMax of WORD's first box.
box() {
	pdftotext -bbox "$1" - | grep -F ">$2</word>" | head -1 |
		sed -n 's/.*xMin="\([0-9.]*\)".*yMin="\([0-9.]*\)".*xMax="\([0-9.]*\)".*yMax="\([0-9.]*\)".*/\1 \2 \3 \4/p'
}

run_boardc build "$TMP/four.xml" -o "$TMP/four.pdf"
expect_rc "four cells: builds" 0
nw=$(box "$TMP/four.pdf" Northwest)
ne=$(box "$TMP/four.pdf" Northeast)
sw=$(box "$TMP/four.pdf" Southwest)
se=$(box "$TMP/four.pdf" Southeast)
# corner NAME "A" "B" CONDITION: CONDITION over ax ay (A's box) and bx by.
corner() {
	check "$1" awk -v a="$2" -v b="$3" "BEGIN { split(a, A, \" \"); split(b, B, \" \");
		ax = A[1]; ay = A[2]; bx = B[1]; by = B[2]; exit !(A[4] > 0 && B[4] > 0 && ($4)) }"
}
corner "top-left title left of and above bottom-right's ($nw / $se)" "$nw" "$se" "ax < bx && ay < by"
corner "top-left title level with top-right's, to its left ($nw / $ne)" "$nw" "$ne" \
	"ax < bx && (ay - by) * (ay - by) < 4"
corner "top-left title above bottom-left's, same column ($nw / $sw)" "$nw" "$sw" \
	"ay < by && (ax - bx) * (ax - bx) < 4"
corner "top-right title right of and above bottom-left's ($ne / $sw)" "$ne" "$sw" "ax > bx && ay < by"
corner "bottom-right title level with bottom-left's, to its right ($se / $sw)" "$se" "$sw" \
	"ax > bx && (ay - by) * (ay - by) < 4"
check "cell text is in the PDF" sh -c \
	"pdftotext '$TMP/four.pdf' - | tr -s ' \n' '  ' | grep -q 'A single pooled budget under one board.'"
mid=$(box "$TMP/four.pdf" Middleground)
xl=$(box "$TMP/four.pdf" horizontal)
yl=$(box "$TMP/four.pdf" vertical)
corner "centre label between the top and bottom titles ($mid)" "$mid" "$sw" \
	"ay < by && ay > $(echo "$nw" | cut -d' ' -f2)"
corner "x label under the grid ($xl / $se)" "$xl" "$se" "ay > by + 30"
corner "y label left of the grid ($yl / $nw)" "$yl" "$nw" "A[3] < bx"

# Fills: every pair of cells differs in grey; titles contrast >= 4.5:1
# with their fill. Sampled just above-left of each title, in the padding.
check "cells differ in greyscale and text contrasts with each fill" python3 -c "
import sys; sys.path.insert(0, '$TOP/tests'); import pixels
g = pixels.page('$TMP/four.pdf', dpi=72, gray=True)
c = pixels.page('$TMP/four.pdf', dpi=72)
def lin(v):
    v = v / 255
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
def lum(p):
    return 0.2126 * lin(p[0]) + 0.7152 * lin(p[1]) + 0.0722 * lin(p[2])
levels = []
for name, b in (('nw', '$nw'), ('ne', '$ne'), ('sw', '$sw'), ('se', '$se')):
    x0, y0, x1, y1 = [float(v) for v in b.split()]
    sx, sy = int(x0) - 4, int(y0) - 3
    fill = c.at(sx, sy)
    if fill == (255, 255, 255):
        sys.exit(f'{name}: no fill at ({sx}, {sy})')
    ink = min((c.at(x, y) for x in range(int(x0), int(x1)) for y in range(int(y0), int(y1))), key=lum)
    ratio = (max(lum(fill), lum(ink)) + 0.05) / (min(lum(fill), lum(ink)) + 0.05)
    print(name, 'fill', fill, 'grey', g.at(sx, sy), 'contrast %.1f' % ratio)
    if ratio < 4.5:
        sys.exit(f'{name}: contrast {ratio:.1f}')
    levels.append(g.at(sx, sy))
gaps = [abs(a - b) for i, a in enumerate(levels) for b in levels[i + 1:]]
sys.exit(0 if min(gaps) >= 12 else f'grey levels {levels} too close')
"

run_boardc build "$TMP/plain.xml" -o "$TMP/plain.pdf"
expect_rc "no centre or axis labels: builds" 0
nw=$(box "$TMP/plain.pdf" Northwest)
se=$(box "$TMP/plain.pdf" Southeast)
corner "no labels: top-left above-left of bottom-right ($nw / $se)" "$nw" "$se" "ax < bx && ay < by"

rm -f "$TMP/missing.pdf"
run_boardc build "$TMP/missing.xml" -o "$TMP/missing.pdf"
expect_rc "three cells: exit 1" 1
expect_err "three cells: diagnostic at the chart's line" 'missing\.xml:6:[0-9]+: error: .*four <cell>'
check "three cells: no PDF written" test ! -e "$TMP/missing.pdf"

run_boardc build "$TMP/long.xml" -o "$TMP/long.pdf"
expect_rc "long text: builds" 0
words=$(pdftotext -bbox "$TMP/long.pdf" - | grep '<word' |
	sed -n 's/.*xMin="\([0-9.]*\)".*xMax="\([0-9.]*\)".*/\1 \2/p' |
	awk 'BEGIN { lo = 1e9; hi = 0 } { if ($1 < lo) lo = $1; if ($2 > hi) hi = $2 } END { print lo, hi }')
check "long text: words inside the margins ($words)" \
	awk "BEGIN { split(\"$words\", w, \" \"); exit !(w[1] >= 70 && w[2] <= 533.5) }"
check "long text: no ink outside the margins" python3 -c "
import sys; sys.path.insert(0, '$TOP/tests'); import pixels
for p in range(1, $(pdfinfo "$TMP/long.pdf" | sed -n 's/^Pages: *//p') + 1):
    img = pixels.page('$TMP/long.pdf', page=p, dpi=72, gray=True)
    for y in range(img.height):
        for x in list(range(0, 69)) + list(range(535, img.width)):
            if img.at(x, y) < 200:
                sys.exit(f'page {p}: ink at ({x}, {y})')
"
check "long text: the last word of every cell is drawn" sh -c \
	"[ \$(pdftotext '$TMP/long.pdf' - | grep -o w0249 | wc -l) -eq 4 ]"
