#!/bin/sh
# regress.sh - one regression input for every bug the pathological suite or
# the fuzzer found (tests/regress/README.md lists each bug, its fix and its
# tests). Each folder under tests/regress/ holds the input (committed, or a
# gen.sh that writes it) and an `expect` file of "key: value" lines:
#
#   mode: build             boardc build INPUT ARGS -o out/out.pdf (default)
#   mode: fifo              INPUT is made a FIFO with no writer, then build
#   mode: signal SIG...     each SIG (INT, TERM, ...) is sent once boardc's
#                           temporary file appears, over an existing output:
#                           the output must be unchanged, no temporary file
#   mode: linear BASELINE   build INPUT and BASELINE (which must succeed):
#                           INPUT may take at most 3x (+2 s) the time and,
#                           where GNU time exists, 2x (+64 MiB) the memory
#   input: FILE             the paper (paper.xml)
#   args: ARGS              extra arguments (after the input)
#   rc: N                   the exit status (0)
#   stderr: ERE             a line of stderr must match (repeatable)
#   text: STRING            the PDF's text must hold it (repeatable)
#   link: URI               a link in the PDF must have this URI, or one that
#                           percent-decodes to it (repeatable)
#   limit: SECONDS          timeout for each run (60)
#
# Always: stderr is valid UTF-8 and every line has a compiler's form; a run
# that fails leaves no output and no temporary file. Works with any boardc
# binary, including make sanitize's.
. "$(dirname "$0")/../lib.sh"

REG="$TOP/tests/regress"
GEN="$TOP/tests/pathological/gen.py"

# get KEY: every value of KEY in $E/expect, one a line.
get() { sed -n "s/^$1: //p" "$E/expect"; }

# run ARGS...: boardc in the entry's folder under timeout and, when there is
# one, GNU time; sets GOT, MS (wall time) and KB (peak memory, or 0).
run() {
	_t0=$(date +%s%3N)
	GOT=0
	if [ -n "$GNU_TIME" ]; then
		timeout "$LIMIT" /usr/bin/time -f %M -o "$W/rss" "$BOARDC" "$@" \
			> "$W/stdout" 2> "$W/stderr" || GOT=$?
		KB=$(tail -n 1 "$W/rss" 2> /dev/null)
		case $KB in '' | *[!0-9]*) KB=0 ;; esac
	else
		timeout "$LIMIT" "$BOARDC" "$@" > "$W/stdout" 2> "$W/stderr" || GOT=$?
		KB=0
	fi
	MS=$(($(date +%s%3N) - _t0))
}

bad() { WHY="${WHY:+$WHY; }$1"; }
head_err() { head -c 300 "$W/stderr" | tr '\n' ' '; }

# check_run: the exit status, stderr and output of the last run.
check_run() {
	if [ "$GOT" = 124 ]; then
		bad "no result within $LIMIT s (hang)"
		return
	fi
	[ "$GOT" = "$RC" ] || bad "exit $GOT, wanted $RC; stderr: $(head_err)"
	get stderr > "$W/want-stderr"
	while IFS= read -r _re; do
		grep -Eq -- "$_re" "$W/stderr" || bad "stderr lacks /$_re/: $(head_err)"
	done < "$W/want-stderr"
	python3 "$GEN" utf8 "$W/stderr" > /dev/null 2>&1 || bad "stderr is not valid UTF-8"
	_odd=$(grep -Evn '^([^ :][^:]*:([0-9]+:([0-9]+:)?)? (error|warning|note): |  hint: |boardc: )' "$W/stderr" | head -n 2 | tr '\n' ' ')
	[ -z "$_odd" ] || bad "stderr lines not in a compiler's form: $_odd"
	for _f in "$W"/out/.boardc-*; do [ -e "$_f" ] && bad "temporary file left: $(basename "$_f")"; done
	if [ "$RC" != 0 ]; then
		[ ! -e "$W/out/out.pdf" ] || bad "a failed run wrote out/out.pdf"
		return
	fi
	[ "$GOT" = 0 ] || return
	pdftotext -enc UTF-8 "$W/out/out.pdf" - 2> /dev/null | tr -s ' \n\t\f' '    ' > "$W/text.txt"
	get text > "$W/want-text"
	while IFS= read -r _s; do
		grep -Fq -- "$_s" "$W/text.txt" || bad "text missing from the PDF: '$_s'"
	done < "$W/want-text"
	get link > "$W/want-link"
	if [ -s "$W/want-link" ]; then
		python3 "$GEN" links "$W/out/out.pdf" > "$W/links.txt"
		while IFS= read -r _u; do
			python3 -c '
import sys, urllib.parse
got = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
sys.exit(0 if any(u == sys.argv[2] or urllib.parse.unquote(u) == sys.argv[2] for u in got) else 1)
' "$W/links.txt" "$_u" || bad "no link to $_u (links: $(tr '\n' ' ' < "$W/links.txt"))"
		done < "$W/want-link"
	fi
}

# signal_run INPUT SIG: SIG to boardc once its temporary file is there.
signal_run() {
	printf '%%PDF-1.4\n%% existing output\n' > "$W/keep.ref"
	cp "$W/keep.ref" "$W/out/out.pdf"
	# Asynchronous commands of a non-interactive shell ignore SIGINT; give
	# boardc the default action back.
	python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])' "$BOARDC" build "$1" -o out/out.pdf > /dev/null 2> "$W/stderr" &
	_pid=$! _i=0 _seen=
	while [ $_i -lt 1200 ] && [ -z "$_seen" ] && kill -0 $_pid 2> /dev/null; do
		for _f in "$W"/out/.boardc-*; do [ -e "$_f" ] && _seen=$_f; done
		[ -n "$_seen" ] || sleep 0.05
		_i=$((_i + 1))
	done
	if [ -z "$_seen" ]; then
		kill -KILL $_pid 2> /dev/null
		wait $_pid
		bad "SIG$2: no temporary file appeared to interrupt"
		return
	fi
	kill "-$2" $_pid
	# (The shell would report the signal on its own stderr.)
	wait $_pid 2> /dev/null
	_st=$?
	[ "$_st" -gt 128 ] || bad "SIG$2: boardc exited $_st, not by the signal"
	cmp -s "$W/keep.ref" "$W/out/out.pdf" || bad "SIG$2: the existing output changed"
	for _f in "$W"/out/.boardc-*; do
		[ -e "$_f" ] && bad "SIG$2: temporary file left: $(basename "$_f")"
		rm -f "$_f"
	done
}

GNU_TIME=
/usr/bin/time -f %M -o /dev/null true 2> /dev/null && GNU_TIME=yes

names=
for d in "$REG"/*/; do
	[ -f "$d/expect" ] && names="$names $(basename "$d")"
done

# The README lists every entry, and every entry it lists exists.
missing=
for n in $names; do grep -q "^| \`$n\` |" "$REG/README.md" || missing="$missing $n"; done
for n in $(sed -n 's/^| `\([a-z0-9-]*\)` |.*/\1/p' "$REG/README.md"); do
	[ -f "$REG/$n/expect" ] || missing="$missing $n(no such entry)"
done
if [ -z "$missing" ]; then pass "regress: README lists the $(echo $names | wc -w | tr -d ' ') entries"
else fail "regress: README lists the entries" "mismatch:$missing"; fi

for NAME in ${REGRESS_CASES:-$names}; do
	E="$REG/$NAME"
	W="$TMP/regress-$NAME"
	mkdir -p "$W/out"
	cp -R "$E/." "$W/"
	WHY=
	MODE=$(get mode | head -n 1)
	INPUT=$(get input | head -n 1)
	INPUT=${INPUT:-paper.xml}
	ARGS=$(get args | head -n 1)
	RC=$(get rc | head -n 1)
	RC=${RC:-0}
	LIMIT=$(get limit | head -n 1)
	LIMIT=${LIMIT:-60}
	if [ -f "$W/gen.sh" ] && ! (cd "$W" && TOP="$TOP" GEN="$GEN" sh gen.sh > "$W/gen.log" 2>&1); then
		bad "gen.sh failed: $(head -c 200 "$W/gen.log")"
		MODE=none
	fi
	cd "$W" || exit 1
	case $MODE in
	none) ;;
	'' | build)
		# shellcheck disable=SC2086
		run build "$INPUT" $ARGS -o out/out.pdf
		check_run ;;
	fifo)
		rm -f "$INPUT"
		mkfifo "$INPUT"
		# shellcheck disable=SC2086
		run build "$INPUT" $ARGS -o out/out.pdf
		check_run ;;
	signal\ *)
		for sig in ${MODE#signal }; do signal_run "$INPUT" "$sig"; done ;;
	linear\ *)
		base=${MODE#linear }
		# shellcheck disable=SC2086
		run build "$base" $ARGS -o out/base.pdf
		base_ms=$MS base_kb=$KB
		if [ "$GOT" != 0 ]; then
			bad "the baseline $base: exit $GOT; stderr: $(head_err)"
		else
			rm -f out/base.pdf
			# shellcheck disable=SC2086
			run build "$INPUT" $ARGS -o out/out.pdf
			check_run
			[ "$MS" -le $((3 * base_ms + 2000)) ] ||
				bad "$INPUT took $MS ms, $base $base_ms ms (bound: 3x + 2 s)"
			[ "$KB" -le $((2 * base_kb + 65536)) ] ||
				bad "$INPUT peaked at $((KB / 1024)) MiB, $base at $((base_kb / 1024)) MiB (bound: 2x + 64 MiB)"
		fi ;;
	*) bad "unknown mode '$MODE'" ;;
	esac
	cd "$TOP" || exit 1
	# (lib.sh prints with echo, which would read a backslash as an escape.)
	if [ -z "$WHY" ]; then pass "regress $NAME"; else
		fail "regress $NAME" "$(printf '%s' "$WHY" | sed 's/\\/\\\\/g')"; fi
	rm -rf "$W"
done
