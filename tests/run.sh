#!/bin/sh
# run.sh - runs the unit tests (cmocka) and the end-to-end tests, and ends
# with "N passed, N failed". Exit status 1 if anything failed.
set -u
: "${BOARDC:=build/boardc}"
: "${UNIT_DIR:=build/tests}"
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP" || exit 1
BOARDC=$(cd "$(dirname "$BOARDC")" && pwd)/$(basename "$BOARDC")
export BOARDC
export FONTCONFIG_FILE="$TOP/tests/fonts.conf"
export LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1700000000
RESULTS=$(mktemp "${TMPDIR:-/tmp}/boardc-results.XXXXXX")
export RESULTS
passed=0
failed=0

for t in "$UNIT_DIR"/test_*; do
	[ -x "$t" ] || continue
	out=$("$t" 2>&1)
	status=$?
	printf '%s\n' "$out" | grep -E '^\[  (FAILED|ERROR) ' || true
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p')
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p')
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	if [ "$status" -ne 0 ] && [ -z "$f" ]; then
		echo "FAIL - $(basename "$t") exited $status"
		failed=$((failed + 1))
	fi
	echo "unit $(basename "$t"): ${p:-0} passed, ${f:-0} failed"
done

for s in tests/e2e/*.sh; do
	echo "== $s"
	sh "$s" || echo "FAIL - $s exited with $?" >> "$RESULTS"
done
e2e_pass=$(grep -c '^pass ' "$RESULTS")
e2e_fail=$(grep -c '^fail \|^FAIL ' "$RESULTS")
rm -f "$RESULTS"
passed=$((passed + e2e_pass))
failed=$((failed + e2e_fail))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
