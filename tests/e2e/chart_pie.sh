#!/bin/sh
# chart_pie.sh - pie and donut charts: slice areas follow the values, slices
# run clockwise from 12 o'clock, neighbours differ in grey, labels are
# present and apart, and degenerate data stays inside the margins.
. "$(dirname "$0")/../lib.sh"

# paper NAME CHART-ATTRS LABEL=VALUE...: writes $TMP/NAME.xml holding one
# pie chart.
paper() {
	name=$1 attrs=$2
	shift 2
	python3 - "$TMP/$name.xml" "$attrs" "$@" <<'PY'
import sys
from xml.sax.saxutils import quoteattr
out, attrs, pts = sys.argv[1], sys.argv[2], sys.argv[3:]
points = "".join("<point label=%s value=%s/>" % tuple(quoteattr(s) for s in p.rsplit("=", 1))
                 for p in pts)
open(out, "w").write(f"""<?xml version="1.0" encoding="UTF-8"?>
<paper xmlns="urn:x-boardc:paper:1">
<front><committee>Cabinet</committee><meeting date="2010-07-06"/><title>Pie</title></front>
<section title="Spend"><figure id="f"><caption>Spend</caption><alt>Spend by service</alt>
<chart type="pie" {attrs}>{points}</chart></figure></section></paper>
""")
PY
}

# probe ARGS...: a Python check (script on stdin) that can import pixels
# and piehelp.
probe() {
	PYTHONPATH="$TOP/tests:$TMP" python3 - "$@"
}

# Finding the pie without knowing the palette: the bounding box of "solid"
# pixels, inked along with their 5 x 5 neighbourhood (text strokes and
# leader lines are thinner than that).
cat > "$TMP/piehelp.py" <<'PY'
import math, subprocess
LEFT, RIGHT = 70.0, 533.5  # the default style's margins, in points

def ink(px):
    return min(px) < 200

def find_pie(img):
    w, h = img.width, img.height
    runs = []  # per row: x where 5 inked pixels in a row end
    for y in range(h):
        row, n = set(), 0
        for x in range(w):
            n = n + 1 if ink(img.at(x, y)) else 0
            if n >= 5:
                row.add(x)
        runs.append(row)
    xs, ys = [], []
    for y in range(4, h):
        for x in runs[y]:
            if all(x in runs[y - k] for k in range(1, 5)):
                xs.append(x)
                ys.append(y)
    # The solid block ends 2 px inside the disc on every side.
    x0, x1, y0, y1 = min(xs) - 6, max(xs) + 2, min(ys) - 6, max(ys) + 2
    return (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2

def near(a, b, tol=10):
    return all(abs(x - y) <= tol for x, y in zip(a, b))

def count(img, colour, cx, cy, r):
    """Pixels of this colour inside the disc."""
    n = 0
    for y in range(int(cy - r) - 1, int(cy + r) + 2):
        for x in range(int(cx - r) - 1, int(cx + r) + 2):
            if (x - cx) ** 2 + (y - cy) ** 2 <= (r + 1) ** 2 and near(img.at(x, y), colour):
                n += 1
    return n

def mid_points(values, cx, cy, r, k=0.6):
    """Points halfway along each slice, slices clockwise from 12 o'clock."""
    total, acc, pts = sum(values), 0, []
    for v in values:
        a = math.radians(-90 + 360 * (acc + v / 2) / total)
        pts.append((int(round(cx + k * r * math.cos(a))), int(round(cy + k * r * math.sin(a)))))
        acc += v
    return pts

def words(pdf):
    """(text, xMin, yMin, xMax, yMax) of every word."""
    import re
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    return [(m.group(5), *map(float, m.group(1, 2, 3, 4))) for m in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]

def lines(pdf):
    """(xMin, yMin, xMax, yMax) of every text line."""
    import re
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True,
                         text=True).stdout
    return [tuple(map(float, m.groups())) for m in re.finditer(
        r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">', out)]

def inside_margins(pdf, page_img):
    for w in words(pdf):
        if w[1] < LEFT or w[3] > RIGHT:
            raise SystemExit(f"word {w[0]!r} at x {w[1]}..{w[3]} is outside the margins")
    for y in range(page_img.height):
        for x in list(range(0, int(LEFT))) + list(range(int(RIGHT) + 1, page_img.width)):
            if page_img.at(x, y) != (255, 255, 255):
                raise SystemExit(f"ink at ({x}, {y}), outside the margins")
PY

# 1. Four slices of 40/30/20/10 %: areas, order, labels.
paper area 'unit="%"' "Housing=40" "Adult social care=30" "Children's services=20" "Other=10"
run_boardc build "$TMP/area.xml" -o "$TMP/area.pdf"
expect_rc "pie: four slices build" 0
check "pie: slice areas are proportional to the values (within 5%)" probe "$TMP/area.pdf" <<'PY'
import math, sys, pixels, piehelp
img = pixels.page(sys.argv[1], dpi=72)
cx, cy, r = piehelp.find_pie(img)
shares = (0.4, 0.3, 0.2, 0.1)
colours = [img.at(x, y) for x, y in piehelp.mid_points(shares, cx, cy, r)]
assert len(set(colours)) == 4, colours
got = [piehelp.count(img, c, cx, cy, r) for c in colours]
# Each slice loses about half of a 1 pt white separator along both edges.
want = [math.pi * r * r * share - r for share in shares]
for g, w in zip(got, want):
    ratio, expect = g / got[0], w / want[0]
    assert abs(ratio - expect) <= 0.05 * expect, (got, want, ratio, expect)
PY
check "pie: slices run clockwise from 12 o'clock in data order" probe "$TMP/area.pdf" <<'PY'
import sys, pixels, piehelp
img = pixels.page(sys.argv[1], dpi=72)
cx, cy, r = piehelp.find_pie(img)
pts = piehelp.mid_points([40, 30, 20, 10], cx, cy, r)
first, last = img.at(*pts[0]), img.at(*pts[3])
# The first slice fills just right of 12 o'clock, the last just left of it.
assert piehelp.near(img.at(int(cx + 5), int(cy - r * 0.7)), first)
assert piehelp.near(img.at(int(cx - 5), int(cy - r * 0.7)), last)
# ... and the first slice (40%) reaches past 3 o'clock but not to 6.
assert piehelp.near(img.at(int(cx + r * 0.7), int(cy + 5)), first)
assert not piehelp.near(img.at(int(cx - 5), int(cy + r * 0.7)), first)
PY
check "pie: labels give names and values" \
	sh -c "pdftotext '$TMP/area.pdf' - | tr -s ' \n' '  ' | grep -q \"Housing: 40%.*Adult social care: 30%\" &&
	       pdftotext '$TMP/area.pdf' - | tr -s ' \n' '  ' | grep -q \"Children's services: 20%\" &&
	       pdftotext '$TMP/area.pdf' - | grep -q 'Other: 10%'"
check "pie: labels sit left and right of the pie, clear of it" probe "$TMP/area.pdf" <<'PY'
import sys, pixels, piehelp
img = pixels.page(sys.argv[1], dpi=72)
cx, cy, r = piehelp.find_pie(img)
ws = {w[0]: w for w in piehelp.words(sys.argv[1])}
assert ws["Housing:"][1] > cx + r, ws["Housing:"]        # first slice: right
assert ws["Other:"][3] < cx - r, ws["Other:"]            # last slice: left
PY

# 2. Grey levels of touching slices, including the last against the first:
# with 4 and with 7 slices the palette alone would repeat a lightness.
for n in 4 5 7; do
	pts=""
	i=0
	while [ $i -lt $n ]; do
		pts="$pts S$i=1"
		i=$((i + 1))
	done
	# shellcheck disable=SC2086
	paper "grey$n" "" $pts
	run_boardc build "$TMP/grey$n.xml" -o "$TMP/grey$n.pdf"
	expect_rc "pie: $n equal slices build" 0
	check "pie: $n slices, touching slices differ by >= 20 grey levels" \
		probe "$TMP/grey$n.pdf" "$n" <<'PY'
import sys, pixels, piehelp
n = int(sys.argv[2])
img = pixels.page(sys.argv[1], dpi=72)
grey = pixels.page(sys.argv[1], dpi=72, gray=True)
cx, cy, r = piehelp.find_pie(img)
g = [grey.at(x, y) for x, y in piehelp.mid_points([1] * n, cx, cy, r)]
for i in range(n):
    a, b = g[i], g[(i + 1) % n]
    assert abs(a - b) >= 20, f"slices {i} and {(i + 1) % n}: grey {a} and {b} ({g})"
PY
done
check "pie: slices are parted by white lines" probe "$TMP/grey4.pdf" <<'PY'
import sys, pixels, piehelp
img = pixels.page(sys.argv[1], dpi=72)
cx, cy, r = piehelp.find_pie(img)
# 4 equal slices meet at 12, 3, 6 and 9 o'clock: white along those radii.
for dx, dy in ((0, -1), (1, 0), (0, 1), (-1, 0)):
    x, y = int(round(cx + dx * r * 0.5)), int(round(cy + dy * r * 0.5))
    run = [img.at(x + i * abs(dy), y + i * abs(dx)) for i in range(-2, 3)]
    assert any(min(p) > 200 for p in run), (dx, dy, run)
PY

# 3. Money: values, shares of the total, a donut with the total inside.
paper money 'unit="£m" donut="yes"' "Housing=67" "Adult social care=45" "Children=38" "Roads=12"
run_boardc build "$TMP/money.xml" -o "$TMP/money.pdf"
expect_rc "donut: builds" 0
check "donut: labels give the value and its share" \
	sh -c "pdftotext '$TMP/money.pdf' - | tr -s ' \n' '  ' | grep -q 'Housing: £67m (41%)'"
check "donut: the total is written in the hole" \
	sh -c "pdftotext '$TMP/money.pdf' - | tr -s ' \n' '  ' | grep -q 'Total £162m'"
check "donut: the centre is empty" probe "$TMP/money.pdf" <<'PY'
import sys, pixels, piehelp
img = pixels.page(sys.argv[1], dpi=72)
cx, cy, r = piehelp.find_pie(img)
ring = [img.at(int(cx + r * 0.8), int(cy + dy)) for dy in (-3, 0, 3)]
assert all(piehelp.ink(c) for c in ring), ring
assert img.at(int(cx - r * 0.4), int(cy)) == (255, 255, 255)
PY

# 4. Degenerate data: one slice, 40 slices, every value zero, a long label.
paper one "" "Only=5"
run_boardc build "$TMP/one.xml" -o "$TMP/one.pdf"
expect_rc "pie: one slice builds" 0
check "pie: one slice is a whole disc, labelled 100%" \
	sh -c "pdftotext '$TMP/one.pdf' - | grep -q 'Only: 5 (100%)'"
check "pie: one slice stays inside the margins" probe "$TMP/one.pdf" <<'PY'
import sys, pixels, piehelp
piehelp.inside_margins(sys.argv[1], pixels.page(sys.argv[1], dpi=72))
PY

pts=""
i=0
while [ $i -lt 40 ]; do
	pts="$pts Item$i=1"
	i=$((i + 1))
done
# shellcheck disable=SC2086
paper forty "" $pts
run_boardc build "$TMP/forty.xml" -o "$TMP/forty.pdf"
expect_rc "pie: 40 slices build" 0
check "pie: 40 slices each keep a label" \
	sh -c "[ \$(pdftotext '$TMP/forty.pdf' - | grep -c '^Item[0-9]*: 1 (2.5%)') -eq 40 ]"
check "pie: 40 slices' labels do not overlap" probe "$TMP/forty.pdf" <<'PY'
import sys, piehelp
ls = [l for l in piehelp.lines(sys.argv[1])]
for i, a in enumerate(ls):
    for b in ls[i + 1:]:
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5:
            raise SystemExit(f"lines overlap: {a} {b}")
PY
check "pie: 40 slices stay inside the margins" probe "$TMP/forty.pdf" <<'PY'
import sys, pixels, piehelp
piehelp.inside_margins(sys.argv[1], pixels.page(sys.argv[1], dpi=72))
PY

paper zero "" "A=0" "B=0" "C=0"
run_boardc build "$TMP/zero.xml" -o "$TMP/zero.pdf"
expect_rc "pie: all zeros build" 0
check "pie: all zeros says so" sh -c "pdftotext '$TMP/zero.pdf' - | grep -q 'All values are zero'"
check "pie: all zeros stays inside the margins" probe "$TMP/zero.pdf" <<'PY'
import sys, pixels, piehelp
piehelp.inside_margins(sys.argv[1], pixels.page(sys.argv[1], dpi=72))
PY

long=$(python3 -c 'print("A very long label " + "word " * 60)')
paper long "" "$long=50" "Short=30" "Tiny one=0.5" "Tiny two=0.4" "Tiny three=0.3" \
	"Tiny four=0.2" "Tiny five=0.1" "Medium=20"
run_boardc build "$TMP/long.xml" -o "$TMP/long.pdf"
expect_rc "pie: a 300-character label builds" 0
check "pie: a long label is shortened but keeps its value" \
	sh -c "pdftotext '$TMP/long.pdf' - | tr -s ' \n' '  ' | grep -q '…: 50 (49%)'"
check "pie: tiny slices share one label" \
	sh -c "pdftotext '$TMP/long.pdf' - | tr -s ' \n' '  ' | grep -q 'Tiny one 0.5%; Tiny two 0.4%; .* and 1 more'"
check "pie: a long label stays inside the margins" probe "$TMP/long.pdf" <<'PY'
import sys, pixels, piehelp
piehelp.inside_margins(sys.argv[1], pixels.page(sys.argv[1], dpi=72))
PY

pts=""
i=0
while [ $i -lt 200 ]; do
	pts="$pts Slice$i=$((i % 5 == 0 ? 30 : 1))"
	i=$((i + 1))
done
# shellcheck disable=SC2086
paper many "" $pts
run_boardc build "$TMP/many.xml" -o "$TMP/many.pdf"
expect_rc "pie: 200 slices build" 0
check "pie: 200 slices fit on one page, grouped in few labels" \
	sh -c "[ \$(pdfinfo '$TMP/many.pdf' | sed -n 's/^Pages: *//p') -eq 1 ] &&
	       [ \$(pdftotext '$TMP/many.pdf' - | grep -c 'more') -le 4 ]"
check "pie: 200 slices stay inside the margins" probe "$TMP/many.pdf" <<'PY'
import sys, pixels, piehelp
piehelp.inside_margins(sys.argv[1], pixels.page(sys.argv[1], dpi=72))
PY
