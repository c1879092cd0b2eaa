#!/bin/sh
# chart_orgchart.sh - organisation charts (chart type="orgchart"): boxes do
# not overlap, connectors join each parent to its children, advisory links
# are dashed, and a deep chain and a 40-child family fit inside the margins.
. "$(dirname "$0")/../lib.sh"

# Fixtures: single-word labels, so each pdftotext word is one label.
python3 - "$TMP" <<'PY'
import sys
out = sys.argv[1]
HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<paper xmlns="urn:x-boardc:paper:1">
<front><committee>Cabinet</committee><meeting date="2010-07-06"/><title>Structure</title></front>
<section title="Structure"><figure id="f"><caption>Governance</caption><alt>Chart</alt>
<chart type="orgchart">%s</chart></figure></section></paper>"""

def node(label, kids=(), note=None, dashed=False):
    a = ' label="%s"' % label
    a += ' note="%s"' % note if note else ""
    a += ' line="dashed"' if dashed else ""
    return "<node%s>%s</node>" % (a, "".join(kids))

def write(name, tree):
    open("%s/%s.xml" % (out, name), "w").write(HEAD % tree)

write("basic", node("Council", [
    node("Executive", [node("Adults"), node("Children", dashed=True), node("Housing")]),
    node("Scrutiny", dashed=True),
    node("Audit"),
], note="Members"))
# Notes make the boxes tall enough that twelve levels exceed the three
# quarters of a page a figure may take: the chart must scale to fit.
chain = node("L12", note="Members")
for i in range(11, 0, -1):
    chain = node("L%02d" % i, [chain], note="Members")
write("chain", chain)
write("wide", node("Director", [node("T%02d" % i) for i in range(1, 41)]))
write("huge", node("Chief", [node("S%03d" % i) for i in range(1, 201)]))
write("long", node("Chief", [node("Z" * 300), node(" ".join(["word"] * 80), note="n " * 40)]))
PY

# The checks, run on a built PDF: python3 probe.py CHECK PDF ARGS...
cat > "$TMP/probe.py" <<'PY'
import re, subprocess, sys
sys.path.insert(0, sys.argv[1])
import pixels

def words(pdf):
    """(page, word, xMin, yMin, xMax, yMax) for every word."""
    xml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True,
                         text=True, check=True).stdout
    res, page = [], 0
    for line in xml.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', line)
        if m:
            res.append((page, m.group(5)) + tuple(float(m.group(i)) for i in range(1, 5)))
    return res

def label_boxes(pdf, labels):
    ws = words(pdf)
    got = {}
    for lab in labels:
        hits = [w for w in ws if w[1] == lab]
        if not hits:
            sys.exit("label %r not in the PDF" % lab)
        got[lab] = hits[0]
    return got

def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

def disjoint(rects):
    names = list(rects)
    for i, p in enumerate(names):
        for q in names[i + 1:]:
            if overlap(rects[p], rects[q]):
                sys.exit("%s %s overlaps %s %s" % (p, rects[p], q, rects[q]))

def blue(px):  # the box outline: clearly bluer than grey text or connectors
    return px[2] - px[0] > 40 and px[2] < 200

def grey(px):
    return sum(px) / 3

def box_of(img, w):
    """The outlined box around a label: scan out from the label's centre."""
    cx, cy = int((w[2] + w[4]) / 2), int((w[3] + w[5]) / 2)
    def scan(dx, dy):
        x, y = cx, cy
        for _ in range(300):
            x, y = x + dx, y + dy
            if not (0 <= x < img.width and 0 <= y < img.height):
                break
            if blue(img.at(x, y)):
                return x, y
        sys.exit("no box outline around %s" % w[1])
    return (scan(-1, 0)[0], scan(0, -1)[1], scan(1, 0)[0], scan(0, 1)[1])

def boxes(pdf, labels):
    ws = label_boxes(pdf, labels)
    pages = {}
    res = {}
    for lab, w in ws.items():
        if w[0] not in pages:
            pages[w[0]] = pixels.page(pdf, page=w[0], dpi=72)
        res[lab] = box_of(pages[w[0]], w)
    return res, pages[ws[labels[0]][0]]

def dark_col(img, x, y):  # a 1 pt line may fall across two pixel columns
    return min(grey(img.at(xx, y)) for xx in (x - 1, x, x + 1)) < 180

def dark_row(img, x, y):
    return min(grey(img.at(x, yy)) for yy in (y - 1, y, y + 1)) < 180

def link(img, p, c):
    """Dark/light counts along the connector from box p to box c: the
    parent's stem, the bar, and the drop into the child (these last two
    at the child's centre x). Returns (stem+bar, drop) lists of booleans."""
    pcx, ccx = (p[0] + p[2]) // 2, (c[0] + c[2]) // 2
    top, bottom = p[3], c[1]
    if bottom - top < 8:
        sys.exit("child box top %d is not under the parent's bottom %d" % (bottom, top))
    # The bar: the row between the layers with most connector pixels.
    lo, hi = min(pcx, ccx), max(pcx, ccx)
    def count(y):
        return sum(dark_row(img, x, y) for x in range(max(lo - 40, 0), min(hi + 40, img.width)))
    # Stacked children: only the gap just above the child's row counts.
    gap = bottom - 2
    while gap > top and not blue(img.at(ccx, gap)):
        gap -= 1
    bar = max(range(gap + 3, bottom - 2), key=count)
    stem = [dark_col(img, pcx, y) for y in range(top + 3, bar - 1)]
    across = [dark_row(img, x, bar) for x in range(lo + 2, hi - 1)]
    drop = [dark_col(img, ccx, y) for y in range(bar + 2, bottom - 2)]
    return stem + across, drop

def check_links(pdf, pairs, dashed):
    labels = sorted({l for pr in pairs for l in pr})
    rects, img = boxes(pdf, labels)
    for parent, child in pairs:
        upper, drop = link(img, rects[parent], rects[child])
        if not drop or not any(drop):
            sys.exit("no connector into %s" % child)
        if child in dashed:
            if all(drop):
                sys.exit("advisory link into %s has no gaps: %s" % (child, drop))
            if sum(drop) < 2:
                sys.exit("advisory link into %s barely drawn: %s" % (child, drop))
        elif not all(drop):
            sys.exit("solid link into %s has gaps: %s" % (child, drop))
        if child not in dashed and not all(upper):
            sys.exit("link from %s to %s is broken above the child: %s" % (parent, child, upper))

cmd, pdf = sys.argv[2], sys.argv[3]
labels = sys.argv[4].split(",") if len(sys.argv) > 4 else []
if cmd == "labels-disjoint":
    ws = label_boxes(pdf, labels)
    disjoint({l: w[2:] for l, w in ws.items()})
elif cmd == "boxes-disjoint":
    rects, _ = boxes(pdf, labels)
    disjoint(rects)
    for l, r in rects.items():
        if r[2] - r[0] < 20 or r[3] - r[1] < 10:
            sys.exit("box of %s is implausibly small: %s" % (l, r))
elif cmd == "links":
    pairs = [tuple(p.split(">")) for p in labels]
    check_links(pdf, pairs, set(sys.argv[5].split(",")) if len(sys.argv) > 5 else set())
elif cmd == "in-margins":
    # Labels: inside the text area (x 70..533, y 70..780). No labels: every
    # word on every page inside the left and right margins.
    if labels:
        for w in label_boxes(pdf, labels).values():
            if not (70 <= w[2] and w[4] <= 533 and 70 <= w[3] and w[5] <= 780):
                sys.exit("%s at %s is outside the margins" % (w[1], w[2:]))
    for w in words(pdf):
        if not (70 <= w[2] and w[4] <= 533):
            sys.exit("%s at %s is outside the margins" % (w[1], w[2:]))
elif cmd == "rows":
    # Labels arranged in at least N rows, with text not shrunk below min height.
    want, minh = int(sys.argv[5]), float(sys.argv[6])
    ws = label_boxes(pdf, labels)
    rows = {round(w[3]) for w in ws.values()}
    if len(rows) < want:
        sys.exit("only %d rows" % len(rows))
    small = [w for w in ws.values() if w[5] - w[3] < minh]
    if small:
        sys.exit("text shrunk: %s" % (small[0],))
elif cmd == "descending":
    ws = label_boxes(pdf, labels)
    ys = [(ws[l][0], ws[l][3]) for l in labels]
    if ys != sorted(ys) or len(set(ys)) != len(ys):
        sys.exit("levels not one under another: %s" % ys)
else:
    sys.exit("unknown check " + cmd)
PY

probe() { python3 "$TMP/probe.py" "$TOP/tests" "$@"; }

# --- a small governance chart ---
run_boardc build "$TMP/basic.xml" -o "$TMP/basic.pdf"
expect_rc "orgchart basic: builds" 0
all="Council,Members,Executive,Scrutiny,Audit,Adults,Children,Housing"
check "orgchart basic: every label and note present" probe labels-disjoint "$TMP/basic.pdf" "$all"
check "orgchart basic: boxes do not overlap (pixel outlines)" \
	probe boxes-disjoint "$TMP/basic.pdf" "Council,Executive,Scrutiny,Audit,Adults,Children,Housing"
check "orgchart basic: connectors join each parent to its children" \
	probe links "$TMP/basic.pdf" \
	"Council>Executive,Council>Scrutiny,Council>Audit,Executive>Adults,Executive>Children,Executive>Housing" \
	"Scrutiny,Children"
check "orgchart basic: the layers run downwards" \
	probe descending "$TMP/basic.pdf" "Council,Executive,Adults"
check "orgchart basic: inside the margins" probe in-margins "$TMP/basic.pdf" "$all"
# The dashed check must be able to fail: the same tree with no advisory
# links has no gaps where the dashes were.
sed 's/ line="dashed"//g' "$TMP/basic.xml" > "$TMP/solid.xml"
run_boardc build "$TMP/solid.xml" -o "$TMP/solid.pdf"
expect_rc "orgchart all solid: builds" 0
check "orgchart all solid: no link is dashed" \
	probe links "$TMP/solid.pdf" "Council>Scrutiny,Executive>Children"
check "orgchart all solid: the gap check notices a solid link" \
	sh -c "! python3 '$TMP/probe.py' '$TOP/tests' links '$TMP/solid.pdf' 'Executive>Children' Children"

# --- a chain twelve levels deep ---
levels="L01,L02,L03,L04,L05,L06,L07,L08,L09,L10,L11,L12"
run_boardc build "$TMP/chain.xml" -o "$TMP/chain.pdf"
expect_rc "orgchart 12-level chain: builds" 0
check "orgchart 12-level chain: every label inside the margins" \
	probe in-margins "$TMP/chain.pdf" "$levels"
check "orgchart 12-level chain: one level under another" \
	probe descending "$TMP/chain.pdf" "$levels"
check "orgchart 12-level chain: boxes do not overlap" \
	probe boxes-disjoint "$TMP/chain.pdf" "$levels"
check "orgchart 12-level chain: each level joined to the next" \
	probe links "$TMP/chain.pdf" "L01>L02,L06>L07,L11>L12"

# --- one node with 40 children ---
teams=$(python3 -c "print(','.join('T%02d' % i for i in range(1, 41)))")
run_boardc build "$TMP/wide.xml" -o "$TMP/wide.pdf"
expect_rc "orgchart 40 children: builds" 0
check "orgchart 40 children: every label inside the margins" \
	probe in-margins "$TMP/wide.pdf" "Director,$teams"
check "orgchart 40 children: labels do not overlap" \
	probe labels-disjoint "$TMP/wide.pdf" "Director,$teams"
check "orgchart 40 children: boxes do not overlap" \
	probe boxes-disjoint "$TMP/wide.pdf" "Director,$teams"
check "orgchart 40 children: stacked in rows, text not shrunk" \
	probe rows "$TMP/wide.pdf" "$teams" 3 9
check "orgchart 40 children: connectors reach the first and last rows" \
	probe links "$TMP/wide.pdf" "Director>T01,Director>T06,Director>T40"

# --- 200 children: more than stacking alone can fit, so also scaled ---
many=$(python3 -c "print(','.join('S%03d' % i for i in range(1, 201)))")
run_boardc build "$TMP/huge.xml" -o "$TMP/huge.pdf"
expect_rc "orgchart 200 children: builds" 0
check "orgchart 200 children: every label present and inside the margins" \
	probe in-margins "$TMP/huge.pdf" "Chief,$many"
check "orgchart 200 children: labels do not overlap" \
	probe labels-disjoint "$TMP/huge.pdf" "Chief,$many"

# --- a 300-character word and very long labels ---
run_boardc build "$TMP/long.xml" -o "$TMP/long.pdf"
expect_rc "orgchart long labels: builds" 0
check "orgchart long labels: all text inside the margins" probe in-margins "$TMP/long.pdf"
check "orgchart long labels: every character of the long word present" \
	sh -c "[ \$(pdftotext '$TMP/long.pdf' - | tr -cd Z | wc -c) -eq 300 ]"
