#!/bin/sh
# pack.sh - boardc pack on the sample meeting in samples/packs/hwbb-2012-07-26:
# the agenda's page ranges against where each paper really is, right-hand
# starts and fillers, pack page stamps, bookmarks, links, metadata, public
# and full packs, -j, errors and --keep-going, dependencies, supplementary
# packs and their page labels, and the inputs pack must refuse.
. "$(dirname "$0")/../lib.sh"

PACK="$SAMPLES/packs/hwbb-2012-07-26"
AGENDA="$PACK/agenda.xml"
SUPP="$PACK/supplementary.xml"
FILLER="This page is intentionally left blank"

# Facts read out of the XML and the PDF; standard library only.
cat > "$TMP/facts.py" <<'EOF'
import json, subprocess, sys, xml.etree.ElementTree as ET
NS = "{urn:x-boardc:paper:1}"
mode, path = sys.argv[1], sys.argv[2]
if mode == "items":      # number|title|paper|exempt, one line per agenda item
    for it in ET.parse(path).getroot().iter(NS + "agenda-item"):
        print("|".join([it.get("number"), " ".join(it.get("title").split()),
                        it.get("paper", ""), it.get("exempt", "")]))
elif mode == "first":    # the agenda's first-page, 1 without it
    print(ET.parse(path).getroot().get("first-page", "1"))
elif mode == "title":    # a paper's front-sheet title
    print(" ".join(ET.parse(path).getroot().find(NS + "front/" + NS + "title").text.split()))
elif mode == "labels":   # the PDF's page labels: index /S /St, or "none"
    out = subprocess.run(["qpdf", "--json", "--json-key=pagelabels", path], check=True,
                         capture_output=True).stdout
    labels = json.loads(out).get("pagelabels", [])
    for l in labels:
        print(l["index"], l["label"].get("/S"), l["label"].get("/St"))
    if not labels:
        print("none")
EOF
facts() { python3 "$TMP/facts.py" "$@"; }

# pages PDF DIR: each page's text (layout) in DIR/N.txt and, with
# whitespace folded, in DIR/N.f; prints the page count.
pages() {
	mkdir -p "$2"
	_n=$(pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p')
	_i=1
	while [ "$_i" -le "${_n:-0}" ]; do
		pdftotext -layout -enc UTF-8 -f "$_i" -l "$_i" "$1" "$2/$_i.txt"
		tr -s ' \n\t\f' '    ' < "$2/$_i.txt" > "$2/$_i.f"
		_i=$((_i + 1))
	done
	echo "${_n:-0}"
}

# is_filler FILE.txt: the page holds the filler notice and its stamp only.
is_filler() {
	grep -v '^[[:space:]]*$' "$1" | grep -v 'Pack page [0-9]' | tr -s ' \t' '  ' |
		sed 's/^ //; s/ $//' | grep -vqxF "$FILLER" && return 1
	grep -qF "$FILLER" "$1"
}

# row_range DIR LAST NUMBER: the page range printed in item NUMBER's row of
# the agenda (pages 1..LAST of DIR), as "FIRST LAST", or nothing.
row_range() {
	_p=1
	while [ "$_p" -le "$2" ]; do cat "$1/$_p.txt"; _p=$((_p + 1)); done |
		awk '/^ *Item +Title +Pages *$/ { t = 1; next } t' |
		sed -nE "s/^ *$3 {2,}.* {2,}([0-9]+)( *– *([0-9]+))? *\$/\\1 \\3/p" | head -n 1
}

# check_pack NAME PDF AGENDA MODE: every structural fact of a built pack.
# MODE is public or full: whether exempt items are notices or papers.
check_pack() {
	name=$1 pdf=$2 agenda=$3 mode=$4 dir="$TMP/pages-$1"
	first=$(facts first "$agenda")
	np=$(pages "$pdf" "$dir")
	facts items "$agenda" > "$TMP/$name.items"
	python3 "$TOP/tests/pdfcheck.py" outline "$pdf" > "$TMP/$name.outline" 2>&1
	python3 "$TOP/tests/pdfcheck.py" links "$pdf" > "$TMP/$name.links" 2>&1

	# Pack page N on every page, N = position + first-page - 1.
	bad=""
	i=1
	while [ "$i" -le "$np" ]; do
		grep -Eq "Pack page $((i + first - 1))( |\$)" "$dir/$i.txt" || bad="$bad $i"
		i=$((i + 1))
	done
	if [ "$np" -gt 0 ] && [ -z "$bad" ]; then pass "$name: every page carries 'Pack page N' from $first"
	else fail "$name: every page carries 'Pack page N' from $first" "wrong on pages:$bad (of $np)"; fi

	# The agenda: pages before the first paper, less a filler.
	start1=$(awk -F '\t' '$1 == 1 && $4 ~ /^Item / { print $2; exit }' "$TMP/$name.outline")
	alast=$((${start1:-2} - 1))
	if [ "$alast" -gt 1 ] && is_filler "$dir/$alast.txt"; then alast=$((alast - 1)); fi

	# Every item on the agenda, in order, with its number.
	bad=""
	listed=$(pdftotext -raw -enc UTF-8 -f 1 -l "$alast" "$pdf" - | tr -s ' \n\t\f' '    ')
	while IFS='|' read -r num title paper exempt; do
		printf '%s' "$listed" | grep -qF "$num $title" || bad="$bad [$num $title]"
	done < "$TMP/$name.items"
	if [ -z "$bad" ]; then pass "$name: the agenda lists every item"
	else fail "$name: the agenda lists every item" "missing:$bad"; fi

	# Each item's printed range against the pages themselves.
	prev=$((alast + first - 1))   # pack number of the last page so far
	fillers=""                    # positions where a filler is due
	rbad="" obad="" fbad="" nbad=""
	: > "$TMP/$name.starts"
	: > "$TMP/$name.want-outline"
	while IFS='|' read -r num title paper exempt; do
		r=$(row_range "$dir" "$alast" "$num")
		f=${r%% *} l=${r#* }
		[ -n "$r" ] && [ -z "$l" ] && l=$f
		if [ -z "$paper" ]; then
			[ -z "$r" ] || rbad="$rbad [item $num has no paper but pages $r]"
			continue
		fi
		if [ -z "$r" ]; then rbad="$rbad [item $num: no pages printed]"; continue; fi
		pf=$((f - first + 1)) pl=$((l - first + 1))
		echo "$pf" >> "$TMP/$name.starts"
		[ $((f % 2)) -eq 1 ] || obad="$obad [item $num starts on $f]"
		if [ "$f" -eq $((prev + 2)) ] && [ $(((prev + 1) % 2)) -eq 0 ]; then
			fillers="$fillers $((prev + 1 - first + 1))"
		elif [ "$f" -ne $((prev + 1)) ]; then
			fbad="$fbad [item $num starts on $f after page $prev]"
		elif [ $((f % 2)) -eq 0 ]; then
			fbad="$fbad [item $num starts on even page $f with no filler before it]"
		fi
		prev=$l
		if [ -n "$exempt" ] && [ "$mode" = public ]; then
			if [ "$f" -ne "$l" ] || ! grep -qF "Item $num: $title" "$dir/$pf.f" ||
				! grep -qF "exempt from publication under paragraph $exempt" "$dir/$pf.f"; then
				rbad="$rbad [item $num: no exempt notice on page $f alone]"
			fi
			printf '1\t%s\tItem %s: %s\n2\t%s\tItem %s: %s\n' "$pf" "$num" "$title" \
				"$pf" "$num" "$title" >> "$TMP/$name.want-outline"
			continue
		fi
		ptitle=$(facts title "$PACK/$paper")
		m=$((l - f + 1))
		grep -qF "$ptitle" "$dir/$pf.f" && grep -qF "Page 1 of $m " "$dir/$pf.f" ||
			rbad="$rbad [item $num: page $f is not page 1 of $m of '$ptitle']"
		[ "$pl" -le "$np" ] && grep -qF "Page $m of $m " "$dir/$pl.f" ||
			rbad="$rbad [item $num: page $l is not the last page ($m) of its paper]"
		# Its bookmark, and the paper's own outline nested beneath it.
		printf '1\t%s\tItem %s: %s\n' "$pf" "$num" "$title" >> "$TMP/$name.want-outline"
		if timeout 60 "$BOARDC" build "$PACK/$paper" -o "$TMP/alone.pdf" > /dev/null 2>&1; then
			python3 "$TOP/tests/pdfcheck.py" outline "$TMP/alone.pdf" |
				awk -F '\t' -v OFS='\t' -v off="$((pf - 1))" \
					'{ $1 += 1; $2 += off; print $1, $2, $4 }' >> "$TMP/$name.want-outline"
		else
			nbad="$nbad [$paper does not build alone]"
		fi
	done < "$TMP/$name.items"
	[ "$prev" -eq $((np + first - 1)) ] || fbad="$fbad [the last paper ends on $prev, the pack on $((np + first - 1))]"
	if [ -z "$rbad" ]; then pass "$name: printed page ranges are where each paper starts and ends"
	else fail "$name: printed page ranges are where each paper starts and ends" "$rbad"; fi
	if [ -z "$obad" ] && [ -s "$TMP/$name.starts" ]; then pass "$name: every paper starts on an odd page"
	else fail "$name: every paper starts on an odd page" "$obad"; fi

	# Fillers exactly where a paper would otherwise start on an even page.
	got=""
	i=1
	while [ "$i" -le "$np" ]; do
		if is_filler "$dir/$i.txt"; then got="$got $i"; fi
		i=$((i + 1))
	done
	if [ -z "$fbad" ] && [ "$got" = "$fillers" ]; then pass "$name: fillers exactly before papers that would start on an even page"
	else fail "$name: fillers exactly before papers that would start on an even page" "fillers at:$got; wanted:$fillers $fbad"; fi

	# One bookmark per item with pages, the paper's own outline beneath it.
	{ printf '1\t1\tAgenda\n'; cat "$TMP/$name.want-outline"; } > "$TMP/$name.want"
	awk -F '\t' -v OFS='\t' '$1 == 1 && $4 == "Agenda" { print $1, $2, $4; skip = 1; next }
		$1 == 1 { skip = 0 } !skip { print $1, $2, $4 }' "$TMP/$name.outline" > "$TMP/$name.got"
	if [ -z "$nbad" ] && cmp -s "$TMP/$name.want" "$TMP/$name.got" &&
		grep -q '^2	' "$TMP/$name.got"; then
		pass "$name: one bookmark per item, the paper's headings nested beneath"
	else
		fail "$name: one bookmark per item, the paper's headings nested beneath" \
			"$nbad $(diff "$TMP/$name.want" "$TMP/$name.got" | head -n 8)"
	fi

	# Links from the agenda go to the first page of each item.
	awk -F '\t' -v last="$alast" '$1 <= last && $2 ~ /^page:/ { sub("page:", "", $2); print $2 }' \
		"$TMP/$name.links" | sort -n -u > "$TMP/$name.link-to"
	sort -n -u "$TMP/$name.starts" > "$TMP/$name.want-links"
	if [ -s "$TMP/$name.want-links" ] && cmp -s "$TMP/$name.link-to" "$TMP/$name.want-links"; then
		pass "$name: agenda links go to each item's first page"
	else
		fail "$name: agenda links go to each item's first page" \
			"links to: $(tr '\n' ' ' < "$TMP/$name.link-to"); wanted: $(tr '\n' ' ' < "$TMP/$name.want-links")"
	fi
}

# ---- the main pack, public (the default) ----
run_boardc pack "$AGENDA" -o "$TMP/pack.pdf"
expect_rc "pack: exit 0" 0
check "pack: qpdf --check" qpdf --check "$TMP/pack.pdf"
check_pack public "$TMP/pack.pdf" "$AGENDA" public
check "pack: metadata title names the meeting" sh -c \
	"pdfinfo '$TMP/pack.pdf' | grep -q '^Title: *Health and Well-Being Board, 2012-07-26: agenda pack\$'"
labels=$(facts labels "$TMP/pack.pdf")
if [ "$labels" = "0 /D 1" ] || [ "$labels" = none ]; then pass "pack: page labels, if any, number from 1"
else fail "pack: page labels, if any, number from 1" "labels: $labels"; fi

# ---- public and full ----
EXEMPT_TEXT="most economically advantageous tender"
NOTICE="exempt from publication under paragraph 3 of Schedule 12A"
run_boardc pack "$AGENDA" --full -o "$TMP/full.pdf"
expect_rc "pack --full: exit 0" 0
run_boardc pack "$AGENDA" --public -o "$TMP/public.pdf"
expect_rc "pack --public: exit 0" 0
check "--public is the default" cmp "$TMP/pack.pdf" "$TMP/public.pdf"
text_of "$TMP/public.pdf" > "$TMP/public.txt"
text_of "$TMP/full.pdf" > "$TMP/full.txt"
check "public pack: the exempt paper's text is left out" sh -c "! grep -qF '$EXEMPT_TEXT' '$TMP/public.txt'"
check "public pack: a notice stands in its place" grep -qF "$NOTICE" "$TMP/public.txt"
check "full pack: the exempt paper's text is in" grep -qF "$EXEMPT_TEXT" "$TMP/full.txt"
check "full pack: no notice" sh -c "! grep -qF '$NOTICE' '$TMP/full.txt'"
check_pack full "$TMP/full.pdf" "$AGENDA" full

# ---- threads ----
run_boardc pack "$AGENDA" -j1 -o "$TMP/j1.pdf"
expect_rc "pack -j1: exit 0" 0
run_boardc pack "$AGENDA" -j2 -o "$TMP/j2.pdf"
expect_rc "pack -j2: exit 0" 0
check "-j1 and -j2 give byte-identical packs" cmp "$TMP/j1.pdf" "$TMP/j2.pdf"
check "-j1 and -j2 give byte-identical full packs" sh -c \
	"'$BOARDC' pack '$AGENDA' --full -j1 -o '$TMP/f1.pdf' && '$BOARDC' pack '$AGENDA' --full -j2 -o '$TMP/f2.pdf' && cmp '$TMP/f1.pdf' '$TMP/f2.pdf'"

# ---- a paper with an error ----
BAD="$TMP/bad"
cp -R "$PACK" "$BAD"
sed 's|<p>There were no other declarations.</p>|& <bogus/>|' "$PACK/minutes-2012-05-31.xml" \
	> "$BAD/minutes-2012-05-31.xml"
badline=$(grep -n '<bogus/>' "$BAD/minutes-2012-05-31.xml" | cut -d: -f1)
printf 'an older pack\n' > "$BAD/old.pdf"
ls "$BAD" > "$TMP/bad.before"
run_boardc pack "$BAD/agenda.xml" -o "$BAD/old.pdf"
expect_rc "bad paper: exit 1" 1
expect_err "bad paper: the paper's file:line diagnostic" \
	"minutes-2012-05-31\\.xml:${badline:-0}:[0-9]+: error: .*bogus"
check "bad paper: the existing pack is left untouched" sh -c "printf 'an older pack\n' | cmp - '$BAD/old.pdf'"
ls "$BAD" > "$TMP/bad.after"
check "bad paper: no pack and no temporary file written" cmp "$TMP/bad.before" "$TMP/bad.after"
run_boardc pack "$BAD/agenda.xml" -o "$TMP/nopack.pdf"
check "bad paper: no new pack written" test ! -e "$TMP/nopack.pdf"

# The last paper broken: earlier papers are already drawn when it fails;
# all of it is discarded, on one thread or two.
LATE="$TMP/late"
cp -R "$PACK" "$LATE"
sed 's|<p>This report brings|<p><bogus/>This report brings|' "$PACK/london-councils-commissioning.xml" \
	> "$LATE/london-councils-commissioning.xml"
printf 'an older pack\n' > "$LATE/old.pdf"
ls -a "$LATE" > "$TMP/late.before"
for j in 1 2; do
	run_boardc pack "$LATE/agenda.xml" -j$j -o "$LATE/old.pdf"
	expect_rc "last paper bad, -j$j: exit 1" 1
	expect_err "last paper bad, -j$j: its file:line diagnostic" \
		"london-councils-commissioning\\.xml:[0-9]+:[0-9]+: error: .*bogus"
	check "last paper bad, -j$j: the existing pack is left untouched" \
		sh -c "printf 'an older pack\n' | cmp - '$LATE/old.pdf'"
	ls -a "$LATE" > "$TMP/late.after"
	check "last paper bad, -j$j: no temporary file left" cmp "$TMP/late.before" "$TMP/late.after"
done

run_boardc pack "$BAD/agenda.xml" --keep-going -o "$TMP/kg.pdf"
expect_rc "--keep-going: still exit 1" 1
expect_err "--keep-going: the diagnostic is still printed" "minutes-2012-05-31\\.xml:${badline:-0}:"
if [ -f "$TMP/kg.pdf" ]; then
	pages "$TMP/kg.pdf" "$TMP/pages-kg" > /dev/null
	r=$(row_range "$TMP/pages-kg" 1 3)
	f=${r%% *}
	check "--keep-going: an error page for item 3 where the agenda says" \
		grep -qF "Item 3: Minutes of the meeting held on 31 May 2012 This paper could not be included: it has errors." \
		"$TMP/pages-kg/${f:-0}.f"
	text_of "$TMP/kg.pdf" > "$TMP/kg.txt"
	check "--keep-going: the other papers are in the pack" \
		grep -qF "This paper describes the proposals now being developed" "$TMP/kg.txt"
else
	fail "--keep-going: writes the pack" "no $TMP/kg.pdf"
fi

# ---- dependencies ----
run_boardc pack "$AGENDA" -M -o "$TMP/m.pdf"
expect_rc "-M: exit 0" 0
cp "$TMP/out" "$TMP/deps.M"
check "-M: builds nothing" test ! -e "$TMP/m.pdf"
check "-M: the target is the pack" grep -q "^$TMP/m.pdf: $AGENDA" "$TMP/deps.M"
bad=""
while IFS='|' read -r num title paper exempt; do
	[ -n "$paper" ] && [ -z "$exempt" ] && ! grep -qF "  $PACK/$paper" "$TMP/deps.M" && bad="$bad $paper"
done < "$TMP/public.items"
if [ -z "$bad" ]; then pass "-M: names each paper in the pack"; else fail "-M: names each paper in the pack" "missing:$bad"; fi
check "-M: names the CSV data a paper reads" grep -qF "  $PACK/data/devolution.csv" "$TMP/deps.M"
run_boardc pack "$AGENDA" --full -M -o "$TMP/m.pdf"
check "-M --full: names the exempt paper too" grep -qF "  $PACK/community-equipment-contract.xml" "$TMP/out"
run_boardc pack "$AGENDA" --deps "$TMP/deps.d" -o "$TMP/m.pdf"
expect_rc "--deps: exit 0" 0
check "--deps: builds the pack" test -s "$TMP/m.pdf"
check "--deps: writes what -M prints" cmp "$TMP/deps.M" "$TMP/deps.d"

# ---- the supplementary pack ----
run_boardc pack "$SUPP" -o "$TMP/supp.pdf"
expect_rc "supplementary: exit 0" 0
check "supplementary: qpdf --check" qpdf --check "$TMP/supp.pdf"
check_pack supplementary "$TMP/supp.pdf" "$SUPP" public
sfirst=$(facts first "$SUPP")
check "supplementary: first-page is after the main pack's last page" sh -c \
	"test '$sfirst' -eq \$((\$(pdfinfo '$TMP/pack.pdf' | sed -n 's/^Pages: *//p') + 1))"
check "supplementary: page labels start at first-page, decimal" sh -c \
	"test \"\$(python3 '$TMP/facts.py' labels '$TMP/supp.pdf')\" = '0 /D $sfirst'"
check "supplementary: heading and metadata say supplementary" sh -c \
	"pdftotext -f 1 -l 1 '$TMP/supp.pdf' - | grep -q '^Supplementary agenda\$' && pdfinfo '$TMP/supp.pdf' | grep -q '^Title:.*supplementary agenda pack'"

# ---- inputs pack must refuse ----
mkdir -p "$TMP/esc/in"
cp "$PACK/minutes-2012-05-31.xml" "$TMP/esc/x.xml"
cat > "$TMP/esc/in/agenda.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<agenda xmlns="urn:x-boardc:paper:1">
  <committee>Health and Well-Being Board</committee>
  <meeting date="2012-07-26"/>
  <agenda-item number="1" title="Minutes" paper="../x.xml"/>
</agenda>
EOF
run_boardc pack "$TMP/esc/in/agenda.xml" -o "$TMP/esc/out.pdf"
expect_rc "paper outside the agenda's folder (../x.xml): exit 1" 1
expect_err "paper outside the agenda's folder: says so with the line" \
	"agenda.xml:5:[0-9]+: error: paper '../x.xml' must be a relative path below the agenda's folder"
check "paper outside the agenda's folder: no pack" test ! -e "$TMP/esc/out.pdf"
ln -s .. "$TMP/esc/in/up"
sed 's|paper="../x.xml"|paper="up/x.xml"|' "$TMP/esc/in/agenda.xml" > "$TMP/esc/in/link.xml"
run_boardc pack "$TMP/esc/in/link.xml" -o "$TMP/esc/out.pdf"
expect_rc "paper outside the agenda's folder through a symlink: exit 1" 1
check "paper outside the agenda's folder through a symlink: no pack" test ! -e "$TMP/esc/out.pdf"

run_boardc pack "$PACK/minutes-2012-05-31.xml" -o "$TMP/notagenda.pdf"
expect_rc "a paper given as the agenda: exit 1" 1
expect_err "a paper given as the agenda: says so" "is a <paper>, not an <agenda>"
check "a paper given as the agenda: no pack" test ! -e "$TMP/notagenda.pdf"

run_boardc build "$AGENDA" -o "$TMP/built.pdf"
expect_rc "boardc build of an agenda: exit 1" 1
expect_err "boardc build of an agenda: says to use boardc pack" "agenda.*boardc pack|boardc pack.*agenda"
check "boardc build of an agenda: no PDF" test ! -e "$TMP/built.pdf"

# Values on the agenda are checked: Schedule 12A paragraphs 1-7, a sane
# first page number.
mkdir -p "$TMP/vals"
cp "$PACK"/*.xml "$TMP/vals/" && cp -r "$PACK/data" "$TMP/vals/"
sed 's/exempt="3"/exempt="banana"/' "$AGENDA" > "$TMP/vals/agenda.xml"
run_boardc pack "$TMP/vals/agenda.xml" -o "$TMP/vals/p.pdf"
expect_rc "exempt paragraph outside 1-7: exit 1" 1
expect_err "exempt paragraph outside 1-7: says so" "exempt paragraph 'banana' is not one of 1-7"
sed 's/<agenda /<agenda first-page="3000000000" /' "$AGENDA" > "$TMP/vals/agenda.xml"
run_boardc pack "$TMP/vals/agenda.xml" -o "$TMP/vals/p.pdf"
expect_rc "first-page too large: exit 1" 1
check "first-page too large: no pack" test ! -e "$TMP/vals/p.pdf"
run_boardc pack "$AGENDA" --full -o "$TMP/full2.pdf"
check "--full marks the exempt item on the agenda" \
	sh -c "pdftotext -f 1 -l 1 '$TMP/full2.pdf' - | grep -q 'Exempt (Schedule 12A, paragraph 3)'"

# The agenda's page count is fixed before any paper is drawn, with the
# widest page ranges ("88888 – 88889") in place; when the real ranges need
# fewer pages, a blank page makes up the difference. In large print the
# widest ranges wrap and take 30 short items to three pages, the real ones
# to two; blank-pages="no" keeps every other filler out of the way.
mkdir -p "$TMP/short"
cp "$DATA/flat.xml" "$TMP/short/p.xml"
{
	echo '<agenda xmlns="urn:x-boardc:paper:1" blank-pages="no"><committee>Test Committee</committee><meeting date="2024-01-01"/>'
	i=1
	while [ "$i" -le 30 ]; do
		echo "<agenda-item number=\"$i\" title=\"Review number $i\" paper=\"p.xml\"/>"
		i=$((i + 1))
	done
	echo '</agenda>'
} > "$TMP/short/agenda.xml"
run_boardc pack "$TMP/short/agenda.xml" -o "$TMP/short.pdf" --style "$TOP/styles/large-print.xml"
expect_rc "agenda shorter than its widest ranges: builds" 0
check "agenda shorter than its widest ranges: qpdf --check" qpdf --check "$TMP/short.pdf"
np=$(pages "$TMP/short.pdf" "$TMP/short-pages")
check "agenda shorter than its widest ranges: 2 agenda pages, a blank page, 30 papers ($np pages)" \
	test "$np" -eq 33
check "agenda shorter than its widest ranges: page 2 ends the agenda" \
	grep -Eq '^ *30 +Review number 30 +33 *$' "$TMP/short-pages/2.txt"
check "agenda shorter than its widest ranges: page 3 is the blank page" \
	is_filler "$TMP/short-pages/3.txt"
check "agenda shorter than its widest ranges: the blank page is stamped 'Pack page 3'" \
	grep -q 'Pack page 3' "$TMP/short-pages/3.txt"
set -- $(row_range "$TMP/short-pages" 2 1)
check "agenda shorter than its widest ranges: item 1 is on page 4 (agenda says ${1:-nothing})" \
	test "${1:-}" = 4
check "agenda shorter than its widest ranges: item 1's link goes to page 4" \
	sh -c "python3 '$TOP/tests/pdfcheck.py' links '$TMP/short.pdf' | head -1 | grep -qx '1	page:4'"
check "agenda shorter than its widest ranges: the first paper starts on page 4" \
	grep -q 'Flat numbering' "$TMP/short-pages/4.txt"
