#!/bin/sh
# formats.sh - PNG and SVG pages: one file per page, sized by -r, valid.
. "$(dirname "$0")/../lib.sh"

xml="$SAMPLES/southend-integration-next-steps.xml"
run_boardc build "$xml" -o "$TMP/p.pdf"
pages=$(pdfinfo "$TMP/p.pdf" | sed -n 's/^Pages: *//p')

run_boardc build "$xml" --format png -r 50 -o "$TMP/page.png"
expect_rc "png: builds" 0
check "png: one file per page ($pages)" \
	sh -c "[ \$(ls '$TMP'/page-*.png | wc -l) -eq $pages ]"
check "png: files are PNG" sh -c "head -c 8 '$TMP/page-1.png' | od -An -tx1 | grep -q '89 50 4e 47'"
# A4 at 50 dpi is 414 x 585 pixels; at 100 dpi twice that.
size() { python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print(*struct.unpack('>II', d[16:24]))" "$1"; }
check "png: 50 dpi gives 414x585" sh -c "[ \"\$(python3 -c \"import struct; d=open('$TMP/page-1.png','rb').read(24); print(*struct.unpack('>II', d[16:24]))\")\" = '414 585' ]"
run_boardc build "$xml" -f png -r 100 -o "$TMP/big.png"
check "png: 100 dpi gives 827x1170" sh -c "[ \"\$(python3 -c \"import struct; d=open('$TMP/big-1.png','rb').read(24); print(*struct.unpack('>II', d[16:24]))\")\" = '827 1170' ]"
# The page is not blank: dark text pixels exist.
check "png: page 1 has text on it" python3 -c "
import sys; sys.path.insert(0, '$TOP/tests'); import pixels
im = pixels.page('$TMP/p.pdf', 1, 50, gray=True)
print(sum(1 for y in range(im.height) for x in range(im.width) if im.at(x, y) < 100) > 500 or sys.exit(1))"

run_boardc build "$xml" --format svg -o "$TMP/page.svg"
expect_rc "svg: builds" 0
check "svg: one file per page" sh -c "[ \$(ls '$TMP'/page-*.svg | wc -l) -eq $pages ]"
check "svg: well-formed XML" xmllint --noout "$TMP/page-1.svg"

run_boardc build "$xml" --format tiff -o "$TMP/x.tiff"
expect_rc "unknown format is a usage error" 2
run_boardc build "$xml" --format png -r 5 -o "$TMP/x.png"
expect_rc "resolution out of range is a usage error" 2
run_boardc build "$xml" --format png -o -
expect_rc "png to standard output is refused" 1
