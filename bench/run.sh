#!/bin/bash
# Times build/boardc on the shared benchmark corpus (../shared/bench/corpus, converted into
# build/bench/ by bench/corpus2xml.py and set in the floor's typography, bench/floor-style.xml):
# the ~20-page paper, the 20 papers as one document, the 20-paper agenda pack with -j1 and
# -j2, 1x/2x/4x copies of the paper's sections and 1x/5x/10x packs for linearity and memory;
# then ../shared/bench/compare.sh (the Cairo+Pango floor, Typst, groff, pdfLaTeX in one run),
# whose table, with boardc's ratio to each, goes into docs/performance.md.
#
#   bench/run.sh                 (from anywhere; build/boardc must be built)
#   RUNS=5 bench/run.sh          timed runs per document (default 3, median reported)
#   BENCH_PEERS=0 bench/run.sh   leave out compare.sh (and docs/performance.md)
#
# Wall time via hyperfine when installed, else a loop timed with date; peak RSS via GNU time
# (n/a without it); pages via pdfinfo (n/a without it). Exits non-zero if boardc fails.
set -euo pipefail
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SHARED=$(cd "$ROOT/../shared" && pwd)
BOARDC=build/boardc
OUT=build/bench
RUNS=${RUNS:-3}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000} # comparable outputs
[ -x "$BOARDC" ] || { echo "bench: $BOARDC is not built" >&2; exit 1; }

mkdir -p "$OUT"
python3 bench/corpus2xml.py --repeat 2 --repeat 4 "$SHARED/bench/corpus/paper.txt" "$OUT"
python3 bench/corpus2xml.py "$SHARED/bench/corpus/packd.txt" "$OUT"

# Agendas for the 20 pack papers, and for 5 and 10 rounds of them (the scale run).
agenda() { # FILE ROUNDS
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		echo '<agenda xmlns="urn:x-boardc:paper:1"><committee>Benchmark Committee</committee>'
		echo '<meeting date="2024-01-01"/>'
		local r i n=0
		for ((r = 0; r < $2; r++)); do
			for i in $(seq -w 1 20); do
				n=$((n + 1))
				echo "<agenda-item number=\"$n\" title=\"Paper $i\" paper=\"pack-$i.xml\"/>"
			done
		done
		echo '</agenda>'
	} > "$1"
}
# The least paper: the fixed cost of a run (start-up).
cat > "$OUT/empty.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<paper xmlns="urn:x-boardc:paper:1" lang="en-GB">
  <front><committee>Cabinet</committee><meeting date="2024-03-14"/><title>Empty</title></front>
  <section title="Purpose"><p>Nothing.</p></section>
</paper>
XML
agenda "$OUT/pack-agenda.xml" 1
agenda "$OUT/pack-agenda-x5.xml" 5
agenda "$OUT/pack-agenda-x10.xml" 10

HAVE_GNU_TIME=no
/usr/bin/time -f %M -o /dev/null true 2>/dev/null && HAVE_GNU_TIME=yes

# measure NAME [boardc arguments]: builds build/bench/NAME.xml (or runs boardc with the
# arguments given, writing NAME.pdf); sets WALL (median s), PAGES, RSS (MiB)
STYLE=bench/floor-style.xml
measure() {
  local pdf=$OUT/$1.pdf
  local cmd=("$BOARDC" build "$OUT/$1.xml" -o "$pdf" --style "$STYLE")
  if [ $# -gt 1 ]; then cmd=("$BOARDC" "${@:2}" -o "$pdf" --style "$STYLE"); fi
  "${cmd[@]}" >/dev/null || { echo "bench: boardc failed: ${cmd[*]}" >&2; exit 1; } # also a warm-up
  if command -v hyperfine >/dev/null; then
    hyperfine -N --runs "$RUNS" --export-json "$OUT/$1.json" "${cmd[*]}" >/dev/null 2>&1 ||
      hyperfine --runs "$RUNS" --export-json "$OUT/$1.json" "${cmd[*]}" >/dev/null
    WALL=$(python3 -c 'import json, sys; print("%.4f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$OUT/$1.json")
  else
    local i t0 t1 times=()
    for ((i = 0; i < RUNS; i++)); do
      t0=$(date +%s.%N); "${cmd[@]}" >/dev/null; t1=$(date +%s.%N)
      times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')")
    done
    WALL=$(printf '%s\n' "${times[@]}" | sort -g |
      awk '{ t[NR] = $1 } END { print NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }')
  fi
  RSS=n/a
  if [ "$HAVE_GNU_TIME" = yes ]; then
    /usr/bin/time -f %M -o "$OUT/$1.rss" "${cmd[@]}" >/dev/null
    RSS=$(awk 'END { printf "%.1f", $1 / 1024 }' "$OUT/$1.rss")
  fi
  PAGES=n/a
  if command -v pdfinfo >/dev/null; then PAGES=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }'); fi
}

row() { # document pages wall rss
  local pps=n/a
  [ "$2" = n/a ] || pps=$(awk -v p="$2" -v w="$3" 'BEGIN { printf "%.1f", p / w }')
  printf '%-24s %6s %9.3f %9s %9s\n' "$1" "$2" "$3" "$pps" "$4"
}

echo "boardc benchmark: median of $RUNS runs ($(command -v hyperfine >/dev/null && echo hyperfine || echo date loop))"
printf '%-24s %6s %9s %9s %9s\n' document pages wall_s pages/s rss_MiB
measure empty;    row "empty paper (start-up)" "$PAGES" "$WALL" "$RSS"; T0=$WALL
measure paper;    row "paper (paper.xml)" "$PAGES" "$WALL" "$RSS"; T1=$WALL
measure pack-all; row "pack (pack-all.xml)" "$PAGES" "$WALL" "$RSS"
measure pack-j1 pack "$OUT/pack-agenda.xml" -j1; row "boardc pack -j1" "$PAGES" "$WALL" "$RSS"; P1=$WALL
measure pack-j2 pack "$OUT/pack-agenda.xml" -j2; row "boardc pack -j2" "$PAGES" "$WALL" "$RSS"; P2=$WALL
RSS2=$RSS
cmp -s "$OUT/pack-j1.pdf" "$OUT/pack-j2.pdf" && same=yes || same=NO
awk -v a="$P1" -v b="$P2" -v s="$same" 'BEGIN {
  printf "pack speed-up from -j2: %.2fx (byte-identical output: %s)\n", a / b, s }'
measure paper-x2; T2=$WALL
measure paper-x4; T4=$WALL
awk -v a="$T1" -v b="$T2" -v c="$T4" 'BEGIN {
  printf "linearity: 1x %.3f s, 2x %.3f s, 4x %.3f s; time(4x)/time(1x) = %.2f (4.00 = linear)\n", a, b, c, c / a }'
measure pack-x5 pack "$OUT/pack-agenda-x5.xml" -j2; row "boardc pack -j2, 5x" "$PAGES" "$WALL" "$RSS"
W5=$WALL; R5=$RSS
measure pack-x10 pack "$OUT/pack-agenda-x10.xml" -j2; row "boardc pack -j2, 10x" "$PAGES" "$WALL" "$RSS"
W10=$WALL; R10=$RSS
awk -v a="$P2" -v b="$W5" -v c="$W10" 'BEGIN {
  printf "pack scale: 1x %.2f s, 5x %.2f s, 10x %.2f s; time(10x)/time(1x) = %.2f (10.00 = linear)\n", a, b, c, c / a }'
echo "pack peak RSS: 1x $RSS2 MiB, 5x $R5 MiB, 10x $R10 MiB"

if [ "${BENCH_PEERS:-1}" = 1 ]; then
	echo
	CMP=$OUT/compare.txt
	BOARDC_PAPER="$BOARDC build $OUT/paper.xml -o %o --style $STYLE" \
	BOARDC_PACK="$BOARDC pack $OUT/pack-agenda.xml -o %o --style $STYLE" \
		"$SHARED/bench/compare.sh" | tee "$CMP"
	python3 bench/report.py "$CMP" docs/performance.md \
		"start-up (empty paper) $T0 s; paper $T1 s; pack -j1 $P1 s, -j2 $P2 s ($same byte-identical); pack scale 1x/5x/10x: $P2 / $W5 / $W10 s, peak RSS $RSS2 / $R5 / $R10 MiB"
fi
