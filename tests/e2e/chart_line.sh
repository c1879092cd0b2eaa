#!/bin/sh
# chart_line.sh - line charts: lines go the way the data goes, series are
# named at their right ends without overlapping, axes carry tick labels,
# gaps in the data break the line, and crowded x labels are thinned.
. "$(dirname "$0")/../lib.sh"

# paper NAME CHART-ATTRS SERIES...: writes $TMP/NAME.xml holding one line
# chart; each SERIES is "Name:label=value,label=value,..." (a missing
# label leaves a gap in that series).
paper() {
	name=$1 attrs=$2
	shift 2
	python3 - "$TMP/$name.xml" "$attrs" "$@" <<'PY'
import sys
from xml.sax.saxutils import quoteattr
out, attrs, series = sys.argv[1], sys.argv[2], sys.argv[3:]
body = ""
for s in series:
    name, pts = s.split(":", 1)
    body += "<series name=%s>" % quoteattr(name)
    for p in pts.split(","):
        label, value = p.rsplit("=", 1)
        body += "<point label=%s value=%s/>" % (quoteattr(label), quoteattr(value))
    body += "</series>"
open(out, "w").write(f"""<?xml version="1.0" encoding="UTF-8"?>
<paper xmlns="urn:x-boardc:paper:1">
<front><committee>Cabinet</committee><meeting date="2010-07-06"/><title>Line</title></front>
<section title="Trend"><figure id="f"><caption>Trend</caption><alt>Trend over time</alt>
<chart type="line" {attrs}>{body}</chart></figure></section></paper>
""")
PY
}

# pts FROM TO START STEP [SKIP...]: "FROM=START,FROM+1=START+STEP,...".
pts() {
	python3 - "$@" <<'PY'
import sys
a, b, start, step = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
skip = {int(s) for s in sys.argv[5:]}
print(",".join(f"{x}={start + step * (x - a):g}" for x in range(a, b + 1) if x not in skip))
PY
}

export TOP # linehelp.py reads the palette from $TOP/src/chart.c
probe() {
	PYTHONPATH="$TOP/tests:$TMP" python3 - "$@"
}

# Series s is drawn in bc_chart_colour(s): the palette is read from chart.c.
cat > "$TMP/linehelp.py" <<'PY'
import os, re, subprocess
_src = open(os.path.join(os.environ["TOP"], "src", "chart.c")).read()
PALETTE = [int(v, 16) for v in re.findall(
    r"0x([0-9A-Fa-f]{6})", re.search(r"palette\[\] = \{([^}]*)\}", _src).group(1))]
RGB = [((v >> 16) & 255, (v >> 8) & 255, v & 255) for v in PALETTE]
LEFT, RIGHT = 70.0, 533.5  # the default style's margins, in points

def is_colour(px, i):
    """px is series i's colour, possibly blended with white (antialiasing)."""
    d = [255 - a for a in RGB[i]]
    q = [255 - a for a in px]
    t = sum(a * b for a, b in zip(d, q)) / sum(a * a for a in d)
    return t >= 0.35 and sum((a - t * b) ** 2 for a, b in zip(q, d)) ** 0.5 <= 30

def columns(img, i, box=None):
    """x -> list of y where series i's colour is, within box (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = box or (0, 0, img.width - 1, img.height - 1)
    cols = {}
    for y in range(int(y0), int(y1) + 1):
        for x in range(int(x0), int(x1) + 1):
            if is_colour(img.at(x, y), i):
                cols.setdefault(x, []).append(y)
    return cols

def plot_box(pdf, top_tick, bottom_tick, names):
    """The plot: right of the tick labels, from the top to the bottom
    tick label, left of the series names."""
    t, b = word(pdf, top_tick), word(pdf, bottom_tick)
    right = min(word(pdf, n)[1] for n in names)
    return b[3] + 1, t[2], right - 1, b[4]

def words(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    return [(m.group(5), *map(float, m.group(1, 2, 3, 4))) for m in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)]

def word(pdf, text):
    for w in words(pdf):
        if w[0] == text:
            return w
    raise SystemExit(f"no word {text!r}")

def inside_margins(pdf, img):
    for w in words(pdf):
        if w[1] < LEFT or w[3] > RIGHT:
            raise SystemExit(f"word {w[0]!r} at x {w[1]}..{w[3]} is outside the margins")
    for y in range(img.height):
        for x in list(range(0, int(LEFT))) + list(range(int(RIGHT) + 1, img.width)):
            if img.at(x, y) != (255, 255, 255):
                raise SystemExit(f"ink at ({x}, {y}), outside the margins")
PY

# 1. Two series over 2010-2020: one rising, one falling.
paper two 'unit="£m" x-label="Financial year" y-label="Spend"' \
	"Rising:$(pts 2010 2020 100 4)" "Falling:$(pts 2010 2020 80 -2)"
run_boardc build "$TMP/two.xml" -o "$TMP/two.pdf"
expect_rc "line: two series build" 0
check "line: a rising series ends higher than it starts, a falling one lower" \
	probe "$TMP/two.pdf" <<'PY'
import sys, pixels, linehelp
img = pixels.page(sys.argv[1], dpi=72)
box = linehelp.plot_box(sys.argv[1], "£150m", "£0m", ("Rising", "Falling"))
for i, rising in ((0, True), (1, False)):
    cols = linehelp.columns(img, i, box)
    x0, x1 = min(cols), max(cols)
    y0 = sum(cols[x0]) / len(cols[x0])
    y1 = sum(cols[x1]) / len(cols[x1])
    assert (y1 < y0 - 10) if rising else (y1 > y0 + 5), (i, x0, y0, x1, y1)
PY
check "line: both series are named at their right ends, in order" probe "$TMP/two.pdf" <<'PY'
import sys, pixels, linehelp
img = pixels.page(sys.argv[1], dpi=72)
rising, falling = linehelp.word(sys.argv[1], "Rising"), linehelp.word(sys.argv[1], "Falling")
assert rising[4] < falling[2], (rising, falling)  # the higher line's name above
box = linehelp.plot_box(sys.argv[1], "£150m", "£0m", ("Rising", "Falling"))
for i, w in ((0, rising), (1, falling)):
    cols = linehelp.columns(img, i, box)
    end = max(cols)
    y = sum(cols[end]) / len(cols[end])
    assert w[1] - end < 40 and abs((w[2] + w[4]) / 2 - y) < 8, (w, end, y)
PY
check "line: y axis from £0m to a round £150m in 25s, x labels 2010-2020" \
	sh -c "t=\$(pdftotext '$TMP/two.pdf' - | tr -s ' \n' '  ');
	       for w in £0m £25m £50m £75m £100m £125m £150m 2010 2012 2020; do
	               echo \" \$t \" | grep -q \" \$w \" || { echo \"no \$w\"; exit 1; }; done;
	       ! echo \" \$t \" | grep -q ' £175m '"
check "line: axis titles are written" \
	sh -c "pdftotext '$TMP/two.pdf' - | grep -q 'Financial year' &&
	       pdftotext '$TMP/two.pdf' - | grep -q '^Spend$'"
check "line: gridlines line up with their tick labels" probe "$TMP/two.pdf" <<'PY'
import sys, pixels, linehelp
img = pixels.page(sys.argv[1], dpi=72, gray=True)
for t in ("£50m", "£100m", "£150m"):
    w = linehelp.word(sys.argv[1], t)
    mid, x = int((w[2] + w[4]) / 2), int(w[3]) + 30
    assert any(img.at(x, y) < 235 for y in range(mid - 2, mid + 3)), (t, mid)
PY
check "line: series differ in dash pattern (solid vs dashed)" probe "$TMP/two.pdf" <<'PY'
import sys, pixels, linehelp
img = pixels.page(sys.argv[1], dpi=72)
box = linehelp.plot_box(sys.argv[1], "£150m", "£0m", ("Rising", "Falling"))
def gaps(i):
    """Runs of 2 or more columns without the series' colour (a marker's
    white rim may hide a single column)."""
    cols = linehelp.columns(img, i, box)
    runs, run = 0, 0
    for x in range(min(cols), max(cols) + 1):
        run = run + 1 if x not in cols else 0
        runs += run == 2
    return runs
assert gaps(0) == 0 and gaps(1) >= 10, (gaps(0), gaps(1))
PY
check "line: series differ in marker shape (circle vs square)" probe "$TMP/two.pdf" <<'PY'
import sys, pixels, linehelp
img = pixels.page(sys.argv[1], dpi=72)
box = linehelp.plot_box(sys.argv[1], "£150m", "£0m", ("Rising", "Falling"))
def squareness(i):
    """Width of the first marker's top row over its widest row."""
    cols = linehelp.columns(img, i, box)
    x0 = min(cols)
    xs = range(x0, x0 + 6)
    top = min(y for x in xs for y in cols.get(x, []))
    widths = [sum(1 for x in xs if y in cols.get(x, [])) for y in range(top, top + 6)]
    return widths[0] / max(widths)
assert squareness(0) <= 0.6 and squareness(1) >= 0.8, (squareness(0), squareness(1))
PY

# 2. A gap in the data is a gap in the line. Categories come in order of
# first appearance, so the complete series goes first.
paper gap "" "Full:$(pts 2010 2020 20 0.5)" "Gappy:$(pts 2010 2020 10 1 2013 2014 2015)"
run_boardc build "$TMP/gap.xml" -o "$TMP/gap.pdf"
expect_rc "line: gaps build" 0
check "line: missing values break the line" probe "$TMP/gap.pdf" <<'PY'
import sys, pixels, linehelp
img = pixels.page(sys.argv[1], dpi=72)
box = linehelp.plot_box(sys.argv[1], "25", "0", ("Gappy", "Full"))
cols = linehelp.columns(img, 1, box)  # Gappy: the second, dashed series
def centre(label):
    w = linehelp.word(sys.argv[1], label)
    return int((w[1] + w[3]) / 2)
def inked(a, b):
    return sum(1 for x in range(centre(a), centre(b) + 1) if x in cols)
assert inked("2010", "2012") > 20 and inked("2016", "2018") > 20, cols
assert inked("2013", "2015") == 0, inked("2013", "2015")
PY

# 3. 200 points: x labels thinned so that none overlap.
many=$(python3 -c 'print(",".join(f"P{i:03d}={50 + (i * 37) % 40}" for i in range(200)))')
many2=$(python3 -c 'print(",".join(f"P{i:03d}={40 + (i * 13) % 30}" for i in range(200)))')
paper many 'unit="%"' "A:$many" "B:$many2"
run_boardc build "$TMP/many.xml" -o "$TMP/many.pdf"
expect_rc "line: 200 points build" 0
check "line: 200 points, x labels thinned and disjoint" probe "$TMP/many.pdf" <<'PY'
import re, sys, linehelp
ws = sorted((w for w in linehelp.words(sys.argv[1]) if re.fullmatch(r"P\d{3}", w[0])),
            key=lambda w: w[1])
assert 4 <= len(ws) <= 40, len(ws)
for a, b in zip(ws, ws[1:]):
    assert a[3] < b[1], (a, b)
names = [w[0] for w in ws]
assert names[0] == "P000" and names[-1] == "P199", names
PY
check "line: 200 points stay inside the margins" probe "$TMP/many.pdf" <<'PY'
import sys, pixels, linehelp
linehelp.inside_margins(sys.argv[1], pixels.page(sys.argv[1], dpi=72))
PY

# 4. Names that would collide are pushed apart.
paper meet "" "North:$(pts 2010 2015 10 2)" "South:$(pts 2010 2015 30 -2)" \
	"East:$(pts 2010 2015 15 1)"
run_boardc build "$TMP/meet.xml" -o "$TMP/meet.pdf"
expect_rc "line: lines ending together build" 0
check "line: names of lines ending together do not overlap" probe "$TMP/meet.pdf" <<'PY'
import sys, linehelp
ws = sorted((linehelp.word(sys.argv[1], n) for n in ("North", "South", "East")),
            key=lambda w: w[2])
for a, b in zip(ws, ws[1:]):
    assert a[4] <= b[2] + 0.5, (a, b)
PY

# 5. Negative values, one point, all zeros, a very long series name.
paper neg "" "Balance:2019=-12,2020=3,2021=8,2022=-4"
run_boardc build "$TMP/neg.xml" -o "$TMP/neg.pdf"
expect_rc "line: negative values build" 0
check "line: the axis reaches below the lowest value" \
	sh -c "t=\$(pdftotext '$TMP/neg.pdf' - | tr -s ' \n' '  ');
	       echo \" \$t \" | grep -Eq ' -(15|20) ' && echo \" \$t \" | grep -q ' 0 '"

paper one "" "Only:2020=5"
run_boardc build "$TMP/one.xml" -o "$TMP/one.pdf"
expect_rc "line: one point builds" 0
check "line: one point stays inside the margins" probe "$TMP/one.pdf" <<'PY'
import sys, pixels, linehelp
img = pixels.page(sys.argv[1], dpi=72)
linehelp.inside_margins(sys.argv[1], img)
assert linehelp.columns(img, 0), "the point is not drawn"
PY

paper zero "" "Nil:a=0,b=0,c=0"
run_boardc build "$TMP/zero.xml" -o "$TMP/zero.pdf"
expect_rc "line: all zeros build" 0
check "line: all zeros stay inside the margins" probe "$TMP/zero.pdf" <<'PY'
import sys, pixels, linehelp
linehelp.inside_margins(sys.argv[1], pixels.page(sys.argv[1], dpi=72))
PY

long=$(python3 -c 'print("A very long series name " + "word " * 60)')
paper long 'unit="people"' "$long:$(pts 2000 2010 1000 250)" "Short:$(pts 2000 2010 500 10)"
run_boardc build "$TMP/long.xml" -o "$TMP/long.pdf"
expect_rc "line: a 300-character series name builds" 0
check "line: a long name is cut short and stays inside the margins" probe "$TMP/long.pdf" <<'PY'
import sys, pixels, linehelp
linehelp.inside_margins(sys.argv[1], pixels.page(sys.argv[1], dpi=72))
assert sum(1 for w in linehelp.words(sys.argv[1]) if w[0] == "word") < 20
PY
check "line: a word unit titles the axis instead of every tick" \
	sh -c "t=\$(pdftotext '$TMP/long.pdf' - | tr -s ' \n' '  ');
	       echo \" \$t \" | grep -q ' people ' && echo \" \$t \" | grep -q ' 4,000 ' &&
	       ! echo \" \$t \" | grep -q '4,000 people'"
