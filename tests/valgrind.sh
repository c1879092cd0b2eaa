#!/bin/sh
# valgrind.sh - every sample and every bad-input fixture under memcheck:
# no invalid access, no definite leak of boardc's own memory.
set -u
cd "$(dirname "$0")/.." || exit 1
export FONTCONFIG_FILE="$PWD/tests/fonts.conf" SOURCE_DATE_EPOCH=1700000000
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
for f in samples/*.xml tests/data/*.xml tests/data/bad/*.xml; do
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		--suppressions=tests/valgrind.supp build/boardc build "$f" -o "$tmp/out.pdf" \
		> "$tmp/log" 2>&1
	if [ $? -eq 99 ]; then
		echo "FAIL - valgrind: $f"
		grep -m 20 '==' "$tmp/log"
		failed=$((failed + 1))
	else
		echo "ok - valgrind: $f"
		passed=$((passed + 1))
	fi
done
# Each shipped style (logos: librsvg, Cairo PNG) on one sample.
for s in styles/*.xml; do
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		--suppressions=tests/valgrind.supp build/boardc build \
		samples/southend-integration-next-steps.xml --style "$s" -o "$tmp/out.pdf" \
		> "$tmp/log" 2>&1
	if [ $? -eq 99 ]; then
		echo "FAIL - valgrind: style $s"
		grep -m 20 '==' "$tmp/log"
		failed=$((failed + 1))
	else
		echo "ok - valgrind: style $s"
		passed=$((passed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
