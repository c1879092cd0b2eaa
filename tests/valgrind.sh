#!/bin/sh
# valgrind.sh - every sample, every bad-input fixture, each shipped style and
# the sample packs (one thread and several) under memcheck: no invalid
# access, no definite leak of boardc's own memory.
set -u
cd "$(dirname "$0")/.." || exit 1
export FONTCONFIG_FILE="$PWD/tests/fonts.conf" SOURCE_DATE_EPOCH=1700000000
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# memcheck NAME BOARDC-ARGUMENTS...
memcheck() {
	name=$1
	shift
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		--suppressions=tests/valgrind.supp build/boardc "$@" > "$tmp/log" 2>&1
	if [ $? -eq 99 ]; then
		echo "FAIL - valgrind: $name"
		grep -m 20 '==' "$tmp/log"
		failed=$((failed + 1))
	else
		echo "ok - valgrind: $name"
		passed=$((passed + 1))
	fi
}

for f in samples/*.xml tests/data/*.xml tests/data/bad/*.xml; do
	memcheck "$f" build "$f" -o "$tmp/out.pdf"
done
# Each shipped style (logos: librsvg, Cairo PNG) on one sample.
for s in styles/*.xml; do
	memcheck "style $s" build samples/southend-integration-next-steps.xml --style "$s" \
		-o "$tmp/out.pdf"
done
# Packs: papers laid out on worker threads and drawn as they finish.
for a in samples/packs/*/agenda.xml; do
	memcheck "pack $a -j1" pack "$a" -j1 -o "$tmp/pack.pdf"
	memcheck "pack $a -j2" pack "$a" -j2 --full -o "$tmp/pack.pdf"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
