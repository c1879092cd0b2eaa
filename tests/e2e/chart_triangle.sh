#!/bin/sh
# chart_triangle.sh - triangle (pyramid of need) charts: tiers run from base
# to apex, bands narrow towards the apex, sizing="value" changes band
# heights, neighbouring bands differ in greyscale, and degenerate inputs
# (1 tier, 12 tiers with 300-character labels) stay inside the margins.
. "$(dirname "$0")/../lib.sh"

# Fixtures: one chart per paper, so the page holds nothing else coloured.
python3 - "$TMP" <<'PY'
import sys
out = sys.argv[1]
head = """<?xml version="1.0" encoding="UTF-8"?>
<paper xmlns="urn:x-boardc:paper:1">
<front><committee>Cabinet</committee><meeting date="2010-07-06"/><title>Triangle</title></front>
<section title="Need">
<figure id="f"><caption>Pyramid of need</caption><alt>Tiers of need</alt>
"""
tail = "\n</figure></section></paper>\n"

def paper(name, chart):
    with open(f"{out}/{name}.xml", "w") as f:
        f.write(head + chart + tail)

def tiers(rows):
    return "".join(f'<tier label="{l}" value="{v}" note="{n}"/>' for l, v, n in rows)

four = [("Alphatier", "10", "~40,000 people"), ("Bravotier", "20", "~6,000 people"),
        ("Charlietier", "30", "~1,200 people"), ("Deltatier", "40", "~300 people")]
paper("order", '<chart type="triangle" unit="£m">' + tiers(four) + "</chart>")
paper("value", '<chart type="triangle" unit="£m" sizing="value">' + tiers(four) + "</chart>")
# Bands without text: every pixel down the middle is band or rule.
paper("plain", '<chart type="triangle">' + tiers([("", "", "")] * 4) + "</chart>")
paper("plainarrow", '<chart type="triangle" arrow="shift investment toward prevention">' +
      tiers([("", "", "")] * 4) + "</chart>")
paper("plainvalue", '<chart type="triangle" sizing="value">' +
      "".join(f'<tier label="" value="{v}"/>' for v in (10, 20, 30, 40)) + "</chart>")
paper("grey12", '<chart type="triangle">' + "".join('<tier label=""/>' for _ in range(12)) +
      "</chart>")
paper("one", '<chart type="triangle"><tier label="Everyone" value="12" note="all"/></chart>')
long = ("Universal early help delivered through schools, health visitors and "
        "children's centres across every ward of the borough ") * 3
paper("twelve", '<chart type="triangle" arrow="shift investment toward prevention">' +
      "".join(f'<tier label="T{i:02d} {long[:296]}" value="{i}" note="{long[:120]}"/>'
              for i in range(12)) + "</chart>")
paper("zeros", '<chart type="triangle" sizing="value">' +
      "".join(f'<tier label="Zero{i}" value="0"/>' for i in range(3)) + "</chart>")
paper("arrow", '<chart type="triangle" arrow="shift investment toward prevention">' +
      tiers(four) + "</chart>")
paper("arrowup", '<chart type="triangle" arrow-direction="up" arrow="escalate as risk rises">' +
      tiers(four) + "</chart>")
PY

# Pixel probes, at 72 dpi so one pixel is one point. They read charts
# without text in the bands: walking up the triangle's middle from its base
# meets only band fills and the white rules between them.
cat > "$TMP/probe.py" <<PY
import sys
sys.path.insert(0, "$TOP/tests")
import pixels

def near(p, q, d=30):
    return sum((a - b) ** 2 for a, b in zip(p, q)) < d * d

def blank(p):
    return min(p) > 235

def bands(img):
    """Bands apex first: (colour, top, bottom, x), x the triangle's middle."""
    base = None
    for y in range(img.height - 1, -1, -1):  # the chart is the page's last thing
        for x0, x1 in img.runs_x(y, lambda p: not blank(p)):
            if x1 - x0 >= 100:
                base = (y, (x0 + x1) // 2)
                break
        if base:
            break
    if not base:
        sys.exit("no triangle base found")
    y, mid = base
    runs = []  # [colour, bottom row, top row], bottom up
    while y >= 0:
        p = img.at(mid, y)
        if runs and near(p, runs[-1][0]):
            runs[-1][2] = y
        else:
            runs.append([p, y, y])
        if blank(p) and runs[-1][1] - y > 4:
            break  # white above the apex
        y -= 1
    return [(c, top, bottom, mid) for c, bottom, top in reversed(runs)
            if bottom - top >= 2 and not blank(c)]

def width_at(img, colour, y):
    xs = [x for x in range(img.width) if near(img.at(x, y), colour)]
    return max(xs) - min(xs) + 1

cmd, pdf = sys.argv[1], sys.argv[2]
img = pixels.page(pdf, dpi=72)
bs = bands(img)  # (colour, top, bottom, x), apex first
n = int(sys.argv[3]) if len(sys.argv) > 3 else 0
if cmd in ("widths", "grey") and len(bs) != n:
    sys.exit(f"{len(bs)} bands seen, wanted {n}: {[(t, b) for _, t, b, _ in bs]}")
if cmd == "widths":
    ws = [width_at(img, c, (t + b) // 2) for c, t, b, _ in bs]
    print("widths apex to base:", ws)
    sys.exit(0 if all(a < b for a, b in zip(ws, ws[1:])) else 1)
if cmd == "heights":  # band heights, base first
    print(" ".join(str(b - t + 1) for _, t, b, _ in reversed(bs)))
if cmd == "grey":
    g = pixels.page(pdf, dpi=72, gray=True)
    levels = [g.at(x, (t + b) // 2) for _, t, b, x in bs]
    print("grey levels apex to base:", levels)
    sys.exit(0 if all(abs(a - b) >= 20 for a, b in zip(levels, levels[1:])) else 1)
if cmd == "leftink":  # dark pixels left of the base's corner: more than N (or none)
    c, t, b, _ = bs[-1]
    x0 = min(x for x in range(img.width) if near(img.at(x, b), c))  # base corner
    dark = sum(1 for y in range(bs[0][1], b + 1) for x in range(0, x0 - 2)
               if sum(img.at(x, y)) < 300)
    print(f"{dark} dark pixels left of x={x0}")
    sys.exit(0 if (dark > n if n >= 0 else dark == 0) else 1)
PY
probe() { python3 "$TMP/probe.py" "$@"; }

# ymid PDF WORD: vertical middle of WORD's first box (pdftotext -bbox).
ymid() {
	pdftotext -bbox "$1" - | grep -F ">$2</word>" | head -1 |
		sed -n 's/.*yMin="\([0-9.]*\)".*yMax="\([0-9.]*\)".*/\1 \2/p' |
		awk '{ print ($1 + $2) / 2 }'
}

# inside_margins NAME PDF: no word and no ink outside 25 mm / 22 mm margins.
inside_margins() {
	words=$(pdftotext -bbox "$2" - | grep '<word' |
		sed -n 's/.*xMin="\([0-9.]*\)".*xMax="\([0-9.]*\)".*/\1 \2/p' |
		awk 'BEGIN { lo = 1e9; hi = 0 } { if ($1 < lo) lo = $1; if ($2 > hi) hi = $2 }
		     END { print lo, hi }')
	check "$1: words inside the margins ($words)" \
		awk "BEGIN { split(\"$words\", w, \" \"); exit !(w[1] >= 70 && w[2] <= 533.5) }"
	check "$1: no ink outside the margins" python3 -c "
import sys; sys.path.insert(0, '$TOP/tests'); import pixels
for p in range(1, $(pdfinfo "$2" | sed -n 's/^Pages: *//p') + 1):
    img = pixels.page('$2', page=p, dpi=72, gray=True)
    for y in range(img.height):
        for x in list(range(0, 69)) + list(range(535, img.width)):
            if img.at(x, y) < 200:
                sys.exit(f'page {p}: ink at ({x}, {y})')
"
}

run_boardc build "$TMP/order.xml" -o "$TMP/order.pdf"
expect_rc "order: builds" 0
check "order: every label, value and note is in the PDF" sh -c "
	t=\$(pdftotext '$TMP/order.pdf' - | tr -s ' \n' '  ')
	for w in Alphatier Bravotier Charlietier Deltatier '£10m' '£40m' '~40,000 people' '~300 people'; do
		case \"\$t\" in *\"\$w\"*) ;; *) echo \"missing \$w\"; exit 1 ;; esac
	done"
ya=$(ymid "$TMP/order.pdf" Alphatier)
yb=$(ymid "$TMP/order.pdf" Bravotier)
yc=$(ymid "$TMP/order.pdf" Charlietier)
yd=$(ymid "$TMP/order.pdf" Deltatier)
check "order: first tier lowest, last highest ($ya > $yb > $yc > $yd)" \
	awk "BEGIN { exit !($ya > $yb && $yb > $yc && $yc > $yd) }"
# Each tier's value sits level with its label (its band), not shuffled.
v1=$(ymid "$TMP/order.pdf" '£10m')
v4=$(ymid "$TMP/order.pdf" '£40m')
check "order: values level with their bands (£10m at $v1 near $ya, £40m at $v4 near $yd)" \
	awk "BEGIN { d1 = $v1 - $ya; d4 = $v4 - $yd; exit !(d1 * d1 < 400 && d4 * d4 < 400) }"

run_boardc build "$TMP/plain.xml" -o "$TMP/plain.pdf"
expect_rc "plain: builds" 0
check "plain: band widths shrink from base to apex" probe widths "$TMP/plain.pdf" 4

run_boardc build "$TMP/plainvalue.xml" -o "$TMP/plainvalue.pdf"
expect_rc "sizing=value: builds" 0
eq=$(probe heights "$TMP/plain.pdf")
val=$(probe heights "$TMP/plainvalue.pdf")
check "equal sizing: bands within 3 pt of each other ($eq)" \
	sh -c "echo $eq | awk '{ lo = 1e9; hi = 0; for (i = 1; i <= NF; i++) { if (\$i < lo) lo = \$i; if (\$i > hi) hi = \$i }; exit !(NF == 4 && hi - lo <= 3) }'"
check "sizing=value: values 10..40 give band heights rising about 4-fold ($val)" \
	sh -c "echo $val | awk '{ r = \$4 / \$1; exit !(NF == 4 && \$1 < \$2 && \$2 < \$3 && \$3 < \$4 && r > 3 && r < 5) }'"
run_boardc build "$TMP/value.xml" -o "$TMP/value.pdf"
expect_rc "sizing=value with labels: builds" 0
check "sizing=value with labels: order still base to apex" sh -c "
	a=\$(pdftotext -bbox '$TMP/value.pdf' - | grep -F '>Alphatier<' | sed -n 's/.*yMin=\"\([0-9.]*\)\".*/\1/p')
	d=\$(pdftotext -bbox '$TMP/value.pdf' - | grep -F '>Deltatier<' | sed -n 's/.*yMin=\"\([0-9.]*\)\".*/\1/p')
	awk \"BEGIN { exit !(\$a > \$d) }\""

run_boardc build "$TMP/grey12.xml" -o "$TMP/grey12.pdf"
expect_rc "12 bands: builds" 0
check "12 bands: all seen, neighbouring bands differ in grey" \
	probe grey "$TMP/grey12.pdf" 12
check "12 bands: band widths shrink from base to apex" probe widths "$TMP/grey12.pdf" 12

run_boardc build "$TMP/one.xml" -o "$TMP/one.pdf"
expect_rc "1 tier: builds" 0
check "1 tier: label, value and note shown" sh -c \
	"pdftotext '$TMP/one.pdf' - | tr -s ' \n' '  ' | grep -q 'Everyone.*12 all'"
inside_margins "1 tier" "$TMP/one.pdf"

run_boardc build "$TMP/twelve.xml" -o "$TMP/twelve.pdf"
expect_rc "12 tiers, 300-char labels: builds" 0
check "12 tiers, 300-char labels: first and last tier named" sh -c \
	"pdftotext '$TMP/twelve.pdf' - | grep -q T00 && pdftotext '$TMP/twelve.pdf' - | grep -q T11"
inside_margins "12 tiers, 300-char labels" "$TMP/twelve.pdf"
y0=$(ymid "$TMP/twelve.pdf" T00)
y11=$(ymid "$TMP/twelve.pdf" T11)
check "12 tiers, 300-char labels: T00 below T11 ($y0 > $y11)" awk "BEGIN { exit !($y0 > $y11) }"

run_boardc build "$TMP/zeros.xml" -o "$TMP/zeros.pdf"
expect_rc "all-zero values with sizing=value: builds" 0
check "all-zero values: every tier still named" sh -c \
	"t=\$(pdftotext '$TMP/zeros.pdf' -); for w in Zero0 Zero1 Zero2; do echo \"\$t\" | grep -q \$w || exit 1; done"

run_boardc build "$TMP/arrow.xml" -o "$TMP/arrow.pdf"
expect_rc "arrow: builds" 0
check "arrow: its label is in the PDF" sh -c \
	"pdftotext '$TMP/arrow.pdf' - | tr -s ' \n' '  ' | grep -q 'shift investment toward prevention'"
inside_margins "arrow" "$TMP/arrow.pdf"
# The arrow and its label stand left of the base's corner, where the same
# chart without an arrow has no ink.
run_boardc build "$TMP/plainarrow.xml" -o "$TMP/plainarrow.pdf"
expect_rc "arrow on a chart without text: builds" 0
check "arrow: drawn left of the triangle" probe leftink "$TMP/plainarrow.pdf" 100
check "no arrow: nothing left of the triangle" probe leftink "$TMP/plain.pdf" -1
run_boardc build "$TMP/arrowup.xml" -o "$TMP/arrowup.pdf"
expect_rc "upward arrow: builds" 0
check "upward arrow: label shown" sh -c \
	"pdftotext '$TMP/arrowup.pdf' - | tr -s ' \n' '  ' | grep -q 'escalate as risk rises'"
