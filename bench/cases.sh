#!/bin/bash
# Linearity of build/boardc on every hostile input that scales: each case is built at size N
# and at 10N, and the time boardc spends on the paper (wall time, median of RUNS, less the
# start-up time of an empty paper) must grow at most 15-fold. Cases come from the
# pathological suite (tests/pathological/NAME/case.sh, whose prepare function takes its size
# from SIZE) or are written here.
#
#   bench/cases.sh                 (from anywhere; build/boardc must be built)
#   RUNS=5 bench/cases.sh          timed runs per size (default 3, median reported)
#   CASES="word-50000 table-5000-rows" bench/cases.sh     only these cases
#   BOARDC=path/to/boardc bench/cases.sh
#
# Prints one row per case: case, N, t(N), t(10N) (seconds of work), ratio, verdict (ok when
# the ratio is at most 15). Exits 1 if a case is over 15, or fails at one size and not the
# other.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BOARDC=$(realpath "${BOARDC:-build/boardc}")
RUNS=${RUNS:-3}
MAX_RATIO=15
PATHO=$ROOT/tests/pathological
GEN=$PATHO/gen.py
WORK=$ROOT/build/bench-cases
export FONTCONFIG_FILE=$ROOT/tests/fonts.conf LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
[ -x "$BOARDC" ] || { echo "bench-cases: $BOARDC is not built" >&2; exit 1; }

# name, N: the size each case is built at (and at ten times that). N is chosen so that t(N)
# is some tens of milliseconds of work on a quiet machine; what N counts is said beside it.
TABLE="
paragraphs-100000           2000    paragraphs (numbered)
unnumbered-paragraphs       2000    paragraphs in an unnumbered section
paragraph-10mb-runs         200000  bytes in one paragraph, in ten runs
word-50000                  100000  letters in one word
single-line-paper           5000    elements on one line
paragraph-id-80000-children 8000    children of one <p id>
cell-80000-children         8000    children of one <td>
cell-taller-than-page       3000    words in one cell
cell-hyphenated-words       400     over-wide words in one narrow cell, half of them links
table-5000-rows             500     table rows
bar-10000-points            1000    bar-chart points (10,000 is the limit)
csv-rows                    1000    CSV rows of a bar chart (10,000 is the limit)
line-points                 500     points in each of 10 series of a line chart
pie-charts                  20      pie charts of 40 slices
orgchart-children           200     children of one org-chart node
footnotes-1000              600     footnotes in one paragraph
summary-100000-paragraphs   2000    paragraphs of the front-sheet summary
front-contacts              500     front-sheet contacts
list-items                  1000    items of one list
nested-lists                12      levels of nested lists, each with text
resolved-refs               500     <ref>s to 500 ids
many-unknown-refs           200     <ref>s to unknown ids among as many ids
huge-attribute              12000   phrases in a section title
running-fields-1mb          6000    phrases in the committee and item
"

# ---- inputs the pathological suite does not have -----------------------------------

head_xml() {
	printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
		'<paper xmlns="urn:x-boardc:paper:1">' '  <front>' \
		'    <committee>Audit Committee</committee>' \
		'    <meeting date="2024-05-14"/>' "    <title>$1</title>" '  </front>' \
		'  <section id="intro" title="Introduction">'
}
tail_xml() { printf '%s\n' '  </section>' '</paper>'; }
figure() { printf '<figure id="f"><caption>%s</caption><alt>%s.</alt>\n' "$1" "$1"; }

gen_unnumbered-paragraphs() {
	{ head_xml "Unnumbered"; awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++) printf "<p>Paragraph %d of the long paper.</p>\n", i }'; tail_xml; } |
		sed 's|title="Introduction">|title="Introduction" numbered="no">|' > paper.xml
}
gen_csv-rows() {
	mkdir -p data
	{ echo 'Segment,Value'; awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "Cat %d,%d\n", i, i % 97 + 1 }'; } > data/rows.csv
	{ head_xml "CSV"; figure "CSV rows"; printf '<chart type="bar"><data src="data/rows.csv" category="Segment" values="Value"/></chart></figure>\n'; tail_xml; } > paper.xml
}
gen_line-points() {
	{ head_xml "Line"; figure "Line points"; printf '<chart type="line">\n'
	  awk -v n="$1" 'BEGIN { for (s = 0; s < 10; s++) { printf "<series name=\"Series %d\">\n", s
		for (i = 0; i < n; i++) printf "<point label=\"%d\" value=\"%d\"/>\n", 2000 + i, (i + s) % 53 + 1
		print "</series>" } }'
	  printf '</chart></figure>\n'; tail_xml; } > paper.xml
}
gen_pie-charts() {
	{ head_xml "Pie"
	  awk -v n="$1" 'BEGIN { for (c = 0; c < n; c++) {
		printf "<figure id=\"f%d\"><caption>Pie %d</caption><alt>Pie %d.</alt><chart type=\"pie\" total=\"none\">\n", c, c, c
		for (i = 0; i < 40; i++) printf "<point label=\"Slice %d\" value=\"%d\"/>\n", i, i % 13 + 1
		print "</chart></figure>" } }'
	  tail_xml; } > paper.xml
}
gen_orgchart-children() {
	{ head_xml "Org"; figure "Org chart"; printf '<chart type="orgchart"><node label="Chief executive">\n'
	  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "<node label=\"Director %d\" note=\"Service %d\"/>\n", i, i }'
	  printf '</node></chart></figure>\n'; tail_xml; } > paper.xml
}
gen_front-contacts() {
	{ printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' '<paper xmlns="urn:x-boardc:paper:1">' '<front>' \
		'<committee>Audit Committee</committee><meeting date="2024-05-14"/><title>Contacts</title>'
	  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "<contact><name>Officer %d</name><post>Head of service %d</post><email>o%d@example.org</email></contact>\n", i, i, i }'
	  printf '</front>\n<section title="Introduction"><p>Text.</p></section></paper>\n'; } > paper.xml
}
gen_list-items() {
	{ head_xml "List"; printf '<ul>\n'; awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "<li>Item %d of the list, with a few words.</li>\n", i }'; printf '</ul>\n'; tail_xml; } > paper.xml
}
gen_nested-lists() {
	local words
	words=$(awk 'BEGIN { for (i = 0; i < 2000; i++) printf "word%d ", i }')
	{ head_xml "Nested"
	  awk -v n="$1" -v w="$words" 'BEGIN { for (i = 0; i < n; i++) printf "<ul><li>Level %d: %s\n", i, w; for (i = 0; i < n; i++) printf "</li></ul>"; print "" }'
	  tail_xml; } > paper.xml
}
gen_resolved-refs() {
	{ head_xml "References"
	  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "<p id=\"target-%d\">Target %d.</p>\n", i, i
	                       for (i = 0; i < n; i++) printf "<p>See <ref to=\"target-%d\"/>.</p>\n", n - 1 - i }'
	  tail_xml; } > paper.xml
}

# prepare_case NAME SIZE DIR: writes the case's input into DIR; prints the input's file name.
prepare_case() {
	local name=$1 size=$2 dir=$3
	rm -rf "$dir"
	mkdir -p "$dir"
	if [ -f "$PATHO/$name/case.sh" ]; then
		cp -R "$PATHO/$name/." "$dir/"
		(
			cd "$dir"
			# What the suite's runner gives a case.sh (tests/e2e/pathological.sh).
			W=$dir SIZE=$size INPUT= TEXT= BODY_TEXT=
			paper_head() { head_xml "$@"; }
			paper_tail() { tail_xml; }
			count_in() { grep -oF -- "$2" "$1" | wc -l | tr -d ' '; }
			prepare() { :; }
			# shellcheck disable=SC1091
			. ./case.sh
			prepare > prepare.log 2>&1
			echo "${INPUT:-paper.xml}" > input.name
		)
	else
		(cd "$dir" && "gen_$name" "$size" && echo paper.xml > input.name)
	fi
	cat "$dir/input.name"
}

# median_time DIR INPUT: prints the median wall time (s) of RUNS builds and boardc's exit
# status.
median_time() {
	local dir=$1 input=$2 i t0 t1 rc=0 times=()
	(cd "$dir" && "$BOARDC" build "$input" -o out.pdf > /dev/null 2>&1) || rc=$? # warm-up
	for ((i = 0; i < RUNS; i++)); do
		t0=$(date +%s%N)
		(cd "$dir" && "$BOARDC" build "$input" -o out.pdf > /dev/null 2>&1) || true
		t1=$(date +%s%N)
		times+=("$(((t1 - t0) / 1000))")
	done
	printf '%s\n' "${times[@]}" | sort -n |
		awk -v rc=$rc '{ t[NR] = $1 } END { printf "%.4f %d", t[int((NR + 1) / 2)] / 1e6, rc }'
}

mkdir -p "$WORK"
# Start-up: an empty paper, built the same way; subtracted from every time.
{ head_xml "Empty"; printf '<p>Nothing.</p>\n'; tail_xml; } > "$WORK/empty.xml"
mkdir -p "$WORK/empty" && mv "$WORK/empty.xml" "$WORK/empty/paper.xml"
read -r T0 _ <<< "$(median_time "$WORK/empty" paper.xml)"

echo "boardc linearity: work time (wall less ${T0} s start-up), median of $RUNS runs, at N and 10N"
printf '%-28s %7s %9s %9s %7s  %s\n' case N 't(N)' 't(10N)' ratio verdict
status=0
while read -r name n what; do
	[ -n "$name" ] || continue
	if [ -n "${CASES:-}" ] && [[ " $CASES " != *" $name "* ]]; then continue; fi
	in1=$(prepare_case "$name" "$n" "$WORK/$name-1")
	read -r t1 rc1 <<< "$(median_time "$WORK/$name-1" "$in1")"
	in10=$(prepare_case "$name" $((n * 10)) "$WORK/$name-10")
	read -r t10 rc10 <<< "$(median_time "$WORK/$name-10" "$in10")"
	read -r w1 w10 ratio verdict <<< "$(awk -v a="$t1" -v b="$t10" -v z="$T0" -v max=$MAX_RATIO 'BEGIN {
		w1 = a - z; w10 = b - z; if (w1 < 0.001) w1 = 0.001; if (w10 < 0) w10 = 0
		r = w10 / w1; printf "%.3f %.3f %.1f %s", w1, w10, r, r <= max ? "ok" : "SUPERLINEAR" }')"
	if [ "$rc1" != "$rc10" ]; then
		verdict="FAILED (exit $rc1 at N, $rc10 at 10N)"
	fi
	[ "$verdict" = ok ] || status=1
	printf '%-28s %7s %9s %9s %7s  %s\n' "$name" "$n" "$w1" "$w10" "$ratio" "$verdict"
	rm -rf "$WORK/$name-1" "$WORK/$name-10"
done <<< "$TABLE"
rm -rf "$WORK"
exit $status
