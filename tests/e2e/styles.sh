#!/bin/sh
# styles.sh - style files: every shipped style sets every sample; what a
# style says shows in the output (page size, font, heading colour, logo,
# running header and footer, number punctuation, hyphens, chart palette);
# broken styles and logos are file:line errors that write nothing; a
# missing font falls back with a warning.
. "$(dirname "$0")/../lib.sh"

SD="$DATA/styles"

# probe ARGS...: python3 with tests/pixels.py importable; script on stdin.
probe() {
	PYTHONPATH="$TOP/tests" python3 - "$@"
}

# has TEXT NEEDLE / lacks TEXT NEEDLE: whether TEXT contains NEEDLE.
has() { printf '%s\n' "$1" | grep -qF -- "$2"; }
lacks() { ! has "$@"; }

# ---- every shipped style x every sample ----

for style in "$TOP"/styles/*.xml; do
	s=$(basename "$style" .xml)
	check "$s: has a one-line description" \
		grep -Eq 'description="[^"]{10,}"' "$style"
	for paper in "$SAMPLES"/*.xml; do
		p=$(basename "$paper" .xml)
		run_boardc build "$paper" --style "$style" -o "$TMP/$s-$p.pdf"
		expect_rc "$s: $p builds" 0
		check "$s: $p passes qpdf --check" qpdf --check "$TMP/$s-$p.pdf"
	done
done

# ---- a small paper to probe: two pages, an agenda item, a table whose
# long words must break, and a two-series chart ----

# paper FILE FRONT-EXTRA: FRONT-EXTRA goes inside <front> (an <item>, an
# <exempt>).
paper() {
	cells=""
	for i in 1 2 3 4 5 6 7 8; do cells="$cells<td>Interdependencies</td>"; done
	cat > "$1" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<paper xmlns="urn:x-boardc:paper:1">
<front><organisation>Test Borough Council</organisation><committee>Cabinet</committee>
<meeting date="2010-07-06"/>$2<title>Style test</title>
<decision type="for-information"/></front>
<section title="Overview"><p>Alpha paragraph.</p>
<section title="Detail"><p>Nested paragraph.</p></section></section>
<section title="Narrow cells" page-break="before"><p>Bravo paragraph.</p>
<table><caption>Narrow</caption><tbody><tr>$cells</tr></tbody></table>
<figure><caption>Trend</caption><alt>Two series over three years</alt>
<chart type="line">
<series name="North"><point label="2008" value="1"/><point label="2009" value="3"/>
<point label="2010" value="2"/></series>
<series name="South"><point label="2008" value="2"/><point label="2009" value="1"/>
<point label="2010" value="3"/></series></chart></figure>
</section></paper>
EOF
}
paper "$TMP/item.xml" "<item>7</item>"
paper "$TMP/noitem.xml" ""
paper "$TMP/exempt.xml" "<item>7</item><exempt paragraph=\"3\">Commercially sensitive.</exempt>"

# region PDF PAGE Y0 Y1: the text between heights Y0 and Y1 (points from
# the top) of an A4 page, whitespace folded.
region() {
	pdftotext -f "$2" -l "$2" -x 0 -y "$3" -W 600 -H $(($4 - $3)) -enc UTF-8 "$1" - |
		tr -s ' \n\t\f' '    '
}

# build NAME PAPER [STYLE]: builds $TMP/NAME.pdf, checking it builds.
build() {
	if [ -n "${3:-}" ]; then
		run_boardc build "$2" --style "$3" -o "$TMP/$1.pdf"
	else
		run_boardc build "$2" -o "$TMP/$1.pdf"
	fi
	expect_rc "$1: builds" 0
}

# ---- page size and font ----

build letter "$TMP/item.xml" "$SD/letter.xml"
check "size=\"Letter\" gives 612 x 792 pt pages" \
	sh -c "pdfinfo '$TMP/letter.pdf' | grep -Eq '^Page size: +612 x 792 pts'"
build serif "$TMP/item.xml" "$SD/serif.xml"
check "font=\"Liberation Serif\" embeds LiberationSerif" \
	sh -c "pdffonts '$TMP/serif.pdf' | grep -q LiberationSerif"
check "font=\"Liberation Serif\" leaves no Liberation Sans" \
	sh -c "! pdffonts '$TMP/serif.pdf' | grep -q LiberationSans"

# ---- heading colour, chart palette (colours.xml) ----

build default "$TMP/item.xml"
build colours "$TMP/item.xml" "$SD/colours.xml"
# count PDF PAGE R G B: pixels of page within 40 of colour (R, G, B).
cat > "$TMP/count.py" <<'PY'
import sys, pixels
pdf, page, r, g, b = sys.argv[1], int(sys.argv[2]), *map(int, sys.argv[3:6])
img = pixels.page(pdf, page=page, dpi=72)
n = 0
for y in range(img.height):
    for x in range(img.width):
        p = img.at(x, y)
        if sum((p[i] - c) ** 2 for i, c in enumerate((r, g, b))) <= 40 * 40:
            n += 1
print(n)
PY
count() { PYTHONPATH="$TOP/tests" python3 "$TMP/count.py" "$@"; }
n=$(count "$TMP/colours.pdf" 1 192 20 60)
check "heading colour #c0143c is drawn ($n pixels)" test "$n" -ge 50
n=$(count "$TMP/default.pdf" 1 192 20 60)
check "the default style draws no #c0143c ($n pixels)" test "$n" -eq 0
n=$(count "$TMP/colours.pdf" 2 122 31 162)
check "palette: the first series is #7a1fa2 ($n pixels)" test "$n" -ge 20
n=$(count "$TMP/default.pdf" 2 122 31 162)
check "palette: the built-in palette has no #7a1fa2 ($n pixels)" test "$n" -eq 0

# ---- running header and footer ----

# A4, default margins: the header is above 71 pt, the footer below 780 pt.
h=$(region "$TMP/default.pdf" 2 0 70)
check "default header on page 2: committee, date, agenda item ($h)" \
	has "$h" "Cabinet · 6 July 2010 Agenda item 7"
check "default: no header on the front sheet" \
	lacks "$(region "$TMP/default.pdf" 1 0 70)" "Cabinet"
check "default footer: Page 2 of 2" has "$(region "$TMP/default.pdf" 2 780 842)" "Page 2 of 2"
build default-noitem "$TMP/noitem.xml"
h=$(region "$TMP/default-noitem.pdf" 2 0 70)
check "no <item>: the header keeps committee and date ($h)" has "$h" "Cabinet · 6 July 2010"
check "no <item>: no dangling 'Agenda item' ($h)" lacks "$h" "Agenda"
h=$(region "$TMP/colours.pdf" 1 0 70)
check "first-page=\"yes\": header on page 1, three parts ($h)" \
	has "$h" "Test Borough Council Style test Item 7 | 6 July 2010"
f=$(region "$TMP/colours.pdf" 2 780 842)
check "footer fields {part}, {committee}, {page}/{pages} ($f)" \
	has "$f" "Part 1 – public Cabinet 2/2"
build colours-noitem "$TMP/noitem.xml" "$SD/colours.xml"
h=$(region "$TMP/colours-noitem.pdf" 2 0 70)
check "no <item>: 'Item {item} |' collapses, the date stays ($h)" \
	has "$h" "Style test 6 July 2010"
check "no <item>: no 'Item' left ($h)" lacks "$h" "Item"
check "no <item>: no '|' left ($h)" lacks "$h" "|"
build london "$TMP/item.xml" "$TOP/styles/london-borough.xml"
f=$(region "$TMP/london.pdf" 2 780 842)
check "london-borough: 'Part 1 – public' in the footer ($f)" has "$f" "Part 1 – public"
build london-exempt "$TMP/exempt.xml" "$TOP/styles/london-borough.xml"
f=$(region "$TMP/london-exempt.pdf" 2 780 842)
check "london-borough: 'Part 2 – exempt' in an exempt paper's footer ($f)" \
	has "$f" "Part 2 – exempt"

# ---- paragraph numbers ----

t=$(text_of "$TMP/default.pdf")
check "trailing-dot=\"top\" (default): '1. Overview'" has "$t" "1. Overview"
check "trailing-dot=\"top\" (default): '1.1 Alpha'" has "$t" "1.1 Alpha"
build dots-all "$TMP/item.xml" "$SD/dots-all.xml"
t=$(text_of "$TMP/dots-all.pdf")
check "trailing-dot=\"all\": '1.1. Alpha'" has "$t" "1.1. Alpha"
check "trailing-dot=\"all\": '1.2. Detail'" has "$t" "1.2. Detail"
check "trailing-dot=\"all\": '1. Overview'" has "$t" "1. Overview"
build dots-none "$TMP/item.xml" "$SD/dots-none.xml"
t=$(text_of "$TMP/dots-none.pdf")
check "trailing-dot=\"none\": '1 Overview'" has "$t" "1 Overview"
check "trailing-dot=\"none\": '1.1 Alpha'" has "$t" "1.1 Alpha"
check "trailing-dot=\"none\": no '1.'" lacks "$t" "1. "

# ---- hyphens at a forced break ----

# The last glyph on the first line of the first table cell: a hyphen is
# a short, flat mark; a letter is at least x-height tall. (A hyphen that
# Pango inserts is not in the extracted text, so pixels are probed.)
cat > "$TMP/hyphen.py" <<'PY'
import re, subprocess, sys, pixels
pdf = sys.argv[1]
bb = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-bbox", pdf, "-"],
                    capture_output=True, text=True, check=True).stdout
words = [tuple(map(float, m[:4])) for m in re.findall(
    r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">Interde', bb)]
(x0, y0, _, y1), x1 = words[0], words[1][0] - 6  # stop short of the cell's rule
k = 2  # 144 dpi
img = pixels.page(pdf, page=2, dpi=72 * k, gray=True)
blobs, cur = [], None
for x in range(int(x0 * k), int(x1 * k)):
    ys = [y for y in range(int(y0 * k) + 2, int(y1 * k) - 2) if img.at(x, y) < 140]
    if ys:
        cur = [min(ys), max(ys)] if cur is None else [min(cur[0], *ys), max(cur[1], *ys)]
    elif cur is not None:
        blobs.append(cur)
        cur = None
if cur is not None:
    blobs.append(cur)
h = blobs[-1][1] - blobs[-1][0] + 1
print("hyphen" if h <= 4 else "letter", h)
PY
r=$(probe "$TMP/default.pdf" < "$TMP/hyphen.py")
check "hyphenate=\"yes\" (default): a forced break ends in a hyphen ($r)" \
	has "$r" hyphen
build no-hyphen "$TMP/item.xml" "$SD/no-hyphen.xml"
r=$(probe "$TMP/no-hyphen.pdf" < "$TMP/hyphen.py")
check "hyphenate=\"no\": no hyphen at the forced break ($r)" \
	has "$r" letter

# ---- logos ----

mkdir -p "$TMP/logo" "$TMP/elsewhere"
python3 - "$TMP/logo" <<'PY'
import struct, sys, zlib
d = sys.argv[1]
def png(w, h, rgb):
    raw = b"".join(b"\0" + bytes(rgb) * w for _ in range(h))
    def chunk(t, b):
        return struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
good = png(200, 80, (255, 0, 0))
open(f"{d}/mark.png", "wb").write(good)
open(f"{d}/truncated.png", "wb").write(good[: len(good) // 2])
open(f"{d}/big.png", "wb").write(good + b"\0" * (2 << 20))
open(f"{d}/entity.svg", "w").write('<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x "y">]>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">&x;</svg>\n')
open(f"{d}/remote.svg", "w").write('<svg xmlns="http://www.w3.org/2000/svg" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
    '<image xlink:href="https://example.org/logo.png" width="10" height="10"/></svg>\n')
open(f"{d}/broken.svg", "w").write(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect')
PY
cp "$TMP/logo/mark.png" "$TMP/elsewhere/mark.png"
# logo_style NAME SRC POSITION: $TMP/logo/NAME.xml with that logo.
logo_style() {
	cat > "$TMP/logo/$1.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<style xmlns="urn:x-boardc:style:1" name="$1" description="Test: logo $2">
  <logo src="$2" width="30mm" position="$3"/>
</style>
EOF
}
logo_style left mark.png top-left
logo_style right mark.png top-right
build logo-left "$TMP/item.xml" "$TMP/logo/left.xml"
build logo-right "$TMP/item.xml" "$TMP/logo/right.xml"
# red PDF PAGE X0 X1 Y0 Y1: red pixels in that box (points, at 72 dpi).
cat > "$TMP/red.py" <<'PY'
import sys, pixels
pdf, page, x0, x1, y0, y1 = sys.argv[1], int(sys.argv[2]), *map(int, sys.argv[3:7])
img = pixels.page(pdf, page=page, dpi=72)
print(sum(1 for y in range(y0, min(y1, img.height)) for x in range(x0, min(x1, img.width))
          if img.at(x, y)[0] > 200 and max(img.at(x, y)[1:]) < 60))
PY
red() { PYTHONPATH="$TOP/tests" python3 "$TMP/red.py" "$@"; }
n=$(red "$TMP/logo-left.pdf" 1 0 298 0 71)
check "PNG logo top-left: red in page 1's top-left corner ($n pixels)" test "$n" -ge 1000
n=$(red "$TMP/logo-left.pdf" 1 298 596 0 842)
check "PNG logo top-left: nothing red elsewhere on page 1 ($n pixels)" test "$n" -eq 0
n=$(red "$TMP/logo-right.pdf" 1 298 596 0 71)
check "PNG logo top-right: red in page 1's top-right corner ($n pixels)" test "$n" -ge 1000
n=$(red "$TMP/logo-left.pdf" 2 0 596 0 842)
check "PNG logo: none on page 2 ($n pixels)" test "$n" -eq 0
# The london-borough SVG mark: its dark teal (#00545f) square, top right.
n=$(count "$TMP/london.pdf" 1 0 84 95)
check "SVG logo (london-borough): dark teal drawn on page 1 ($n pixels)" test "$n" -ge 500
cat > "$TMP/teal.py" <<'PY'
import sys, pixels
pdf, page = sys.argv[1], int(sys.argv[2])
img = pixels.page(pdf, page=page, dpi=72)
print(sum(1 for y in range(0, 80) for x in range(300, img.width)
          if sum((a - b) ** 2 for a, b in zip(img.at(x, y), (0, 84, 95))) <= 900))
PY
n=$(probe "$TMP/london.pdf" 1 < "$TMP/teal.py")
check "SVG logo: in page 1's top-right corner ($n pixels)" test "$n" -ge 500
n=$(probe "$TMP/london.pdf" 2 < "$TMP/teal.py")
check "SVG logo: not on page 2 ($n pixels)" test "$n" -eq 0

# bad_logo NAME SRC REGEX: a style whose logo is SRC fails, naming the
# style file (line 3, the <logo>) and the logo, and writes no PDF.
bad_logo() {
	logo_style "$1" "$2" top-left
	rm -f "$TMP/bad.pdf"
	run_boardc build "$TMP/item.xml" --style "$TMP/logo/$1.xml" -o "$TMP/bad.pdf"
	expect_rc "logo ($1): exit 1" 1
	expect_err "logo ($1): error names the style file and the logo" \
		"$1\\.xml:3:[0-9]+: error: logo '$(echo "$2" | sed 's/\./\\./g')'.*$3"
	check "logo ($1): no PDF written" test ! -e "$TMP/bad.pdf"
}
bad_logo truncated truncated.png "not a readable PNG"
bad_logo big big.png "larger than 2 MiB"
bad_logo missing missing.png "not found"
bad_logo outside ../elsewhere/mark.png "inside the style file's folder"
bad_logo absolute "$TMP/logo/mark.png" "inside the style file's folder"
bad_logo entity entity.svg "entities"
bad_logo remote remote.svg "outside the file"
bad_logo broken broken.svg "not a readable SVG"
ln -s "$TMP/elsewhere/mark.png" "$TMP/logo/link.png"
bad_logo link link.png "resolves outside"

# ---- broken style files ----

# bad_style NAME LINE REGEX: tests/data/styles/NAME.xml is refused with
# NAME.xml:LINE: in the message, exit 1 and no PDF.
bad_style() {
	rm -f "$TMP/bad.pdf"
	run_boardc build "$TMP/item.xml" --style "$SD/$1.xml" -o "$TMP/bad.pdf"
	expect_rc "$1: exit 1" 1
	expect_err "$1: file:line error" "$1\\.xml:$2:([0-9]+:)? error: .*$3"
	check "$1: no PDF written" test ! -e "$TMP/bad.pdf"
}
bad_style bad-element 3 "unknown style element <colour>"
bad_style bad-colour 4 "<title colour=\"teal\">: expected a colour"
bad_style bad-length 4 "<page margin-top=\"25 furlongs\">: expected a length"
bad_style bad-field 4 "unknown field \\{pagecount\\}"
bad_style bad-palette 3 "colour #ffdd00 has a contrast of 1\\.[0-9]+:1"

# ---- a missing font ----

run_boardc build "$TMP/item.xml" --style "$SD/missing-font.xml" -o "$TMP/nofont.pdf"
expect_rc "missing font: still builds" 0
expect_err "missing font: a warning names it" \
	"warning: font 'No Such Font Sans' is not installed; using '[^']+' instead"
