#!/bin/sh
# chart_bar.sh - bar charts: bar lengths follow the values, highlight, labels,
# vertical, grouped and stacked bars, negative and illustrative values, grey
# printing, and degenerate data that must stay inside the page.
. "$(dirname "$0")/../lib.sh"

# Fixtures: one paper per chart, generated so the data is in one place.
python3 - "$TMP" <<'PY'
import sys
out = sys.argv[1]
IL = ' illustrative="yes"'

def pts(items):
    return "".join(f'<point label="{l}" value="{v}"{IL if il else ""}/>' for l, v, il in items)

def ser(name, items):
    return f'<series name="{name}">{pts(items)}</series>'

def paper(name, chart):
    open(f"{out}/{name}.xml", "w").write(f"""<?xml version="1.0" encoding="UTF-8"?>
<paper xmlns="urn:x-boardc:paper:1">
<front><committee>Cabinet</committee><meeting date="2010-07-06"/><title>Bars</title></front>
<section title="Charts"><figure id="f"><caption>Chart</caption><alt>Chart</alt>
{chart}</figure></section></paper>""")

four = [("Northfield", 80, 0), ("Southgate", 40, 0), ("Eastbury", 20, 0), ("Westcott", 60, 0)]
paper("single", f'<chart type="bar" unit="people" highlight="Eastbury">{pts(four)}</chart>')
paper("vertical", '<chart type="bar" orientation="vertical" unit="%">'
      + pts([("Low", 30, 0), ("High", 90, 0), ("Middle", 60, 0)]) + '</chart>')
paper("stacked", '<chart type="bar" mode="stacked" unit="%">'
      + ser("Staff", [("Xfield", 30, 0), ("Yton", 10, 0)])
      + ser("Supplies", [("Xfield", 20, 0), ("Yton", 10, 0)])
      + ser("Contracts", [("Xfield", 10, 0), ("Yton", 40, 0)]) + '</chart>')
paper("grouped", '<chart type="bar" mode="grouped" unit="%">'
      + ser("Lastyear", [("Aa", 30, 0), ("Bb", 10, 0), ("Cc", 20, 0)])
      + ser("Thisyear", [("Aa", 15, 0), ("Bb", 20, 0), ("Cc", 40, 0)]) + '</chart>')
paper("negative", '<chart type="bar" unit="£m">'
      + pts([("Gain", 40, 0), ("Loss", -20, 0)]) + '</chart>')
paper("illustrative", '<chart type="bar" unit="%">'
      + pts([("Measured", 50, 0), ("Guessed", 50, 1)]) + '</chart>')
paper("grey", '<chart type="bar" mode="stacked" unit="%">'
      + "".join(ser(f"S{s}", [("One", 10, 0)]) for s in range(6)) + '</chart>')
paper("one", f'<chart type="bar" unit="%">{pts([("Onlyitem", 42, 0)])}</chart>')
paper("many", '<chart type="bar" unit="%">'
      + pts([(f"Ward{i:03d}", (i * 37) % 101, 0) for i in range(200)]) + '</chart>')
paper("many_vertical", '<chart type="bar" orientation="vertical" unit="%">'
      + pts([(f"Ward{i:03d}", (i * 37) % 101, 0) for i in range(200)]) + '</chart>')
paper("zeros", '<chart type="bar" unit="%">'
      + pts([("Zeroa", 0, 0), ("Zerob", 0, 0), ("Zeroc", 0, 0)]) + '</chart>')
paper("zeros_vertical", '<chart type="bar" orientation="vertical" mode="stacked" unit="%">'
      + ser("P", [("Zeroa", 0, 0), ("Zerob", 0, 0)]) + ser("Q", [("Zeroa", 0, 0), ("Zerob", 0, 0)])
      + '</chart>')
long = " ".join(["Longlabelword"] * 21) + " Finalword"
long_unbroken = "x" * 300
paper("long", f'<chart type="bar" unit="%">{pts([(long, 10, 0), (long_unbroken, 20, 0), ("Short", 5, 0)])}</chart>')
paper("long_vertical", '<chart type="bar" orientation="vertical" unit="%">'
      + pts([(long, 10, 0), (long_unbroken, 20, 0), ("Short", 5, 0)]) + '</chart>')
PY

# pyprobe SCRIPT ARGS...: a pixel check with tests/pixels.py importable;
# the script exits non-zero (with a message) when the check fails.
cat > "$TMP/probe.py" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import pixels

BASE = (0x56, 0x94, 0xCA)
HIGH = (0x12, 0x43, 0x6D)
PAL = [(0x12, 0x43, 0x6D), (0xF4, 0x6A, 0x25), (0x2E, 0x7D, 0x6B),
       (0x80, 0x16, 0x50), (0x56, 0x94, 0xCA), (0x8A, 0x6D, 0x00)]
TOL = 24
MIN_RUN = 12  # a bar row has a run this long; stray anti-aliased text pixels do not


def near(img, x, y, col):
    p = img.at(x, y)
    return all(abs(a - b) <= TOL for a, b in zip(p, col))


def rows_of(img, col, horizontal=True):
    """Horizontal bars (or vertical when not horizontal) in colour col:
    a list of (first, last) row (column) ranges, each one bar."""
    n = img.height if horizontal else img.width
    m = img.width if horizontal else img.height
    hits = []
    for a in range(n):
        run = best = 0
        for b in range(m):
            x, y = (b, a) if horizontal else (a, b)
            if near(img, x, y, col):
                run += 1
                best = max(best, run)
            else:
                run = 0
        hits.append(best >= MIN_RUN)
    bars, start = [], None
    for a, h in enumerate(hits + [False]):
        if h and start is None:
            start = a
        elif not h and start is not None:
            bars.append((start, a - 1))
            start = None
    return bars


def extent(img, col, a, horizontal=True):
    """First and last pixel of colour col along row (column) a."""
    m = img.width if horizontal else img.height
    xs = [b for b in range(m) if near(img, *((b, a) if horizontal else (a, b)), col)]
    return (xs[0], xs[-1]) if xs else None


def probe_row(bar):
    """A row near the bar's top edge: clear of the value label's glyphs."""
    a0, a1 = bar
    return a0 + 2 if a1 - a0 >= 6 else (a0 + a1) // 2


def fail(msg):
    print(msg)
    sys.exit(1)


def hbars(pdf, page=1):
    img = pixels.page(pdf, page=page, dpi=72)
    found = []
    for name, col in (("base", BASE), ("highlight", HIGH)):
        for bar in rows_of(img, col):
            r = probe_row(bar)
            x0, x1 = extent(img, col, r)
            found.append((bar[0], name, x0, x1))
    return img, sorted(found)


def check_lengths(pdf, *vals):
    _, bars = hbars(pdf)
    vals = [float(v) for v in vals]
    if len(bars) != len(vals):
        fail(f"found {len(bars)} bars, wanted {len(vals)}: {bars}")
    lens = [x1 - x0 + 1 for _, _, x0, x1 in bars]
    starts = {x0 for _, _, x0, _ in bars}
    if max(starts) - min(starts) > 1:
        fail(f"bars do not start from one baseline: {bars}")
    for l, v in zip(lens, vals):
        want = v / vals[0]
        got = l / lens[0]
        if abs(got - want) > 0.03:
            fail(f"length ratio {got:.3f}, wanted {want:.3f} (lengths {lens})")


def check_highlight(pdf, index):
    _, bars = hbars(pdf)
    names = [n for _, n, _, _ in bars]
    if len(names) <= int(index):
        fail(f"found {len(names)} bars: {bars}")
    want = ["base"] * len(names)
    want[int(index)] = "highlight"
    if names != want:
        fail(f"bar colours {names}, wanted {want}")


def check_vertical(pdf, *vals):
    img = pixels.page(pdf, dpi=72)
    cols = rows_of(img, BASE, horizontal=False)
    if len(cols) != len(vals):
        fail(f"found {len(cols)} columns, wanted {len(vals)}: {cols}")
    spans = [extent(img, BASE, (a0 + a1) // 2, horizontal=False) for a0, a1 in cols]
    bottoms = [b for _, b in spans]
    if max(bottoms) - min(bottoms) > 1:
        fail(f"bars do not stand on one baseline: {spans}")
    heights = [b - t + 1 for t, b in spans]
    vals = [float(v) for v in vals]
    for h, v in zip(heights, vals):
        if abs(h / heights[0] - v / vals[0]) > 0.03:
            fail(f"heights {heights} do not follow {vals}")


def segments(img, bar, cols):
    r = probe_row(bar)
    return [extent(img, c, r) for c in cols]


def check_stacked(pdf, *vals):
    """vals: per bar, its segments' values joined by commas."""
    img = pixels.page(pdf, dpi=72)
    bars = rows_of(img, PAL[0])
    bars = [b for b in bars if b[1] - b[0] >= 8]  # not the legend's swatch row
    if len(bars) != len(vals):
        fail(f"found {len(bars)} stacked bars, wanted {len(vals)}")
    scale = None
    for bar, vs in zip(bars, vals):
        vs = [float(v) for v in vs.split(",")]
        segs = segments(img, bar, PAL[:len(vs)])
        if None in segs:
            fail(f"a segment is missing: {segs}")
        for a, b in zip(segs, segs[1:]):
            if abs(b[0] - a[1]) > 2:
                fail(f"segments do not follow each other: {segs}")
        total = segs[-1][1] - segs[0][0] + 1
        lens = [s1 - s0 + 1 for s0, s1 in segs]
        if abs(sum(lens) - total) > len(vs):
            fail(f"segments {lens} do not add up to the bar, {total}")
        scale = scale or total / sum(vs)
        if abs(total - scale * sum(vs)) > 2:
            fail(f"bar of {total} px for total {sum(vs)} (scale {scale:.2f} px per unit)")
        for l, v in zip(lens, vs):
            if abs(l - scale * v) > 2:
                fail(f"segment {l} px for value {v} (scale {scale:.2f})")


def check_grouped(pdf, n):
    img = pixels.page(pdf, dpi=72)
    a = [b for b in rows_of(img, PAL[0]) if b[1] - b[0] >= 8]
    b = [x for x in rows_of(img, PAL[1]) if x[1] - x[0] >= 8]
    if len(a) != int(n) or len(b) != int(n):
        fail(f"{len(a)} and {len(b)} bars of the two series, wanted {n} each")
    for p, q in zip(a, b):
        if not (p[1] < q[0] <= p[1] + 3):
            fail(f"series bars not side by side: {a} {b}")


def check_negative(pdf):
    _, bars = hbars(pdf)
    if len(bars) != 2:
        fail(f"found {len(bars)} bars: {bars}")
    (_, _, g0, g1), (_, _, l0, l1) = bars
    if abs(l1 - g0) > 2:
        fail(f"negative bar ends at {l1}, not at zero ({g0})")
    if abs((l1 - l0 + 1) / (g1 - g0 + 1) - 0.5) > 0.03:
        fail(f"negative bar length {l1 - l0 + 1} vs {g1 - g0 + 1}")


def check_illustrative(pdf):
    """The measured bar is solid; the illustrative one below it (same
    value) is an outline of the same length with a pale, hatched inside."""
    img = pixels.page(pdf, dpi=72)
    groups = rows_of(img, BASE)
    if len(groups) < 2 or groups[0][1] - groups[0][0] < 8:
        fail(f"no solid bar followed by an outlined one: {groups}")
    solid = groups[0]
    s0, s1 = extent(img, BASE, (solid[0] + solid[1]) // 2)
    top, bottom = groups[1][0], groups[-1][1]
    if bottom - top < 8:
        fail(f"illustrative bar outline too thin: {groups}")
    o0, o1 = extent(img, BASE, top)
    if abs((o1 - o0) - (s1 - s0)) > 2:
        fail(f"illustrative bar {o1 - o0} px long, measured one {s1 - s0} px (same value)")
    r = (top + bottom) // 2
    inner = [img.at(x, r) for x in range(o0 + 3, o1 - 2)]
    coloured = sum(near(img, x, r, BASE) for x in range(o0 + 3, o1 - 2)) / len(inner)
    pale = sum(min(p) > 190 for p in inner) / len(inner)
    if coloured > 0.6 or pale < 0.2:
        fail(f"illustrative bar inside: {coloured:.0%} bar colour, {pale:.0%} pale")


def check_grey(pdf, n):
    col = pixels.page(pdf, dpi=72)
    grey = pixels.page(pdf, dpi=72, gray=True)
    bars = [b for b in rows_of(col, PAL[0]) if b[1] - b[0] >= 8]
    if len(bars) != 1:
        fail(f"found {len(bars)} stacked bars")
    segs = segments(col, bars[0], PAL[:int(n)])
    if None in segs:
        fail(f"a segment is missing: {segs}")
    r = probe_row(bars[0])
    levels = [grey.at((a + b) // 2, r) for a, b in segs]
    for i in range(len(levels) - 1):
        if abs(levels[i] - levels[i + 1]) < 20:
            fail(f"segments {i} and {i + 1} print as grey {levels[i]} and {levels[i + 1]}")


globals()["check_" + sys.argv[2]](*sys.argv[3:])
PY
pyprobe() { python3 "$TMP/probe.py" "$TOP/tests" "$@"; }

# inside_margins PDF: every word between the left and right margins
# (default style: 25 mm = 70.9 pt and 595.28 - 22 mm = 532.9 pt).
inside_margins() {
	pdftotext -bbox "$1" - | sed -n 's/.*xMin="\([0-9.-]*\)".*xMax="\([0-9.-]*\)".*/\1 \2/p' |
		awk '{ if ($1 < 70 || $2 > 533.5) { print "word at x " $1 ".." $2; bad = 1 } }
		     END { exit bad }'
}

build() {
	run_boardc build "$TMP/$1.xml" -o "$TMP/$1.pdf"
	expect_rc "bar $1: builds" 0
}

build single
check "bar single: bar lengths follow the values 80, 40, 20, 60" \
	pyprobe lengths "$TMP/single.pdf" 80 40 20 60
check "bar single: only the highlighted (third) bar has the highlight colour" \
	pyprobe highlight "$TMP/single.pdf" 2
check "bar single: category names and values with units in the text" \
	sh -c "pdftotext '$TMP/single.pdf' - | tr '\n' ' ' > '$TMP/single.txt' &&
	for w in Northfield Southgate Eastbury Westcott '80 people' '20 people'; do
		grep -qF \"\$w\" '$TMP/single.txt' || { echo \"missing \$w\"; exit 1; }; done"

build vertical
check "bar vertical: bars rise from one baseline, heights follow 30, 90, 60" \
	pyprobe vertical "$TMP/vertical.pdf" 30 90 60
check "bar vertical: names under the bars" \
	sh -c "pdftotext -layout '$TMP/vertical.pdf' - | grep -E 'Low +High +Middle'"

build stacked
check "bar stacked: segments 30+20+10 and 10+10+40 add up, equal totals equal bars" \
	pyprobe stacked "$TMP/stacked.pdf" 30,20,10 10,10,40
check "bar stacked: totals and legend in the text" \
	sh -c "pdftotext '$TMP/stacked.pdf' - | tr '\n' ' ' > '$TMP/stacked.txt' &&
	for w in '60%' Staff Supplies Contracts Xfield Yton; do
		grep -qF \"\$w\" '$TMP/stacked.txt' || { echo \"missing \$w\"; exit 1; }; done"

build grouped
check "bar grouped: a bar of each series side by side for each category" \
	pyprobe grouped "$TMP/grouped.pdf" 3
check "bar grouped: legend names both series" \
	sh -c "pdftotext '$TMP/grouped.pdf' - | grep -q Lastyear && pdftotext '$TMP/grouped.pdf' - | grep -q Thisyear"

build negative
check "bar negative: -20 runs left from zero, half the length of 40" \
	pyprobe negative "$TMP/negative.pdf"
check "bar negative: value labelled with its sign" \
	sh -c "pdftotext '$TMP/negative.pdf' - | grep -qF -- '-£20m'"

build illustrative
check "bar illustrative: hatched, not a solid fill" pyprobe illustrative "$TMP/illustrative.pdf"
check "bar illustrative: marked in its label" \
	sh -c "pdftotext '$TMP/illustrative.pdf' - | tr '\n' ' ' | grep -qF 'Guessed (illustrative)'"

build grey
check "bar grey: neighbouring stacked segments differ by >= 20 grey levels" \
	pyprobe grey "$TMP/grey.pdf" 6

# Degenerate data: builds, stays between the margins, keeps its text.
for f in one many many_vertical zeros zeros_vertical long long_vertical; do
	build "$f"
	check "bar $f: nothing beyond the margins" inside_margins "$TMP/$f.pdf"
done
check "bar one: the single bar is drawn" pyprobe lengths "$TMP/one.pdf" 42
check "bar one: and labelled" sh -c "pdftotext '$TMP/one.pdf' - | grep -qF Onlyitem"
check "bar zeros: every zero labelled" \
	sh -c "[ \$(pdftotext '$TMP/zeros.pdf' - | grep -c '^0%\$') -eq 3 ]"
check "bar long: a 300-character label is wrapped, not lost" \
	sh -c "pdftotext '$TMP/long.pdf' - | grep -q Finalword"
# 200 bars are taller than the page allows: the chart is scaled into its
# box, so the last bar's label is still on the page, above the bottom margin.
for f in many many_vertical; do
	check "bar $f: the 200th label scaled onto the page" \
		sh -c "pdftotext -bbox '$TMP/$f.pdf' - | grep -F '>Ward199<' |
		sed -n 's/.*yMax=\"\([0-9.]*\)\".*/\1/p' | awk '{ ok = \$1 <= 780 } END { exit !ok }'"
	check "bar $f: every label present" \
		sh -c "[ \$(pdftotext '$TMP/$f.pdf' - | grep -c '^Ward[0-9]*\$') -eq 200 ]"
done
