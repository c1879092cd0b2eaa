#!/bin/sh
# pathological.sh - the pathological-input suite. Every directory under
# tests/pathological/ is one named case: a case.sh that says what the input
# is (small files beside it, or a prepare function that generates it into
# $TMP at run time) and what must happen. tests/pathological/README.md
# lists them all.
#
# For every case: the exit status; the diagnostic (an ERE on stderr) where
# it fails or warns; stderr is valid UTF-8; bounded time (timeout 60, or the
# case's LIMIT; a hang is a failure); when it fails, no output file and no
# .boardc-* temporary file, and a second run over an existing output leaves
# that file byte-identical; when it succeeds, qpdf --check passes and the
# expected text is in the PDF. One line per case, with boardc's wall time:
#   ok - NAME (0.12 s)
#   FAIL - NAME (0.12 s): what went wrong
#   known - NAME: what went wrong (0.12 s)     (a case listed in KNOWN)
#   skip - NAME: why                           (the environment lacks something)
# PATHO_CASES="name1 name2" runs only those cases.
. "$(dirname "$0")/../lib.sh"

# Known failures: cases that fail today because boardc misbehaves (see the
# README's table). They still run and print "known - NAME: ..." with what
# went wrong; they count as neither pass nor fail. Take a name out of this
# list once boardc is fixed (the runner says so when a listed case passes).
KNOWN=""

PATHO="$TOP/tests/pathological"
GEN="$PATHO/gen.py"

# ---- helpers for case.sh files ---------------------------------------------

# ms_to_s MS: "1.23".
ms_to_s() { printf '%d.%02d' $(($1 / 1000)) $(($1 % 1000 / 10)); }

# bad WHY / note WHAT: record a failed assertion / a remark for the ok line.
bad() { FAILS="${FAILS:+$FAILS; }$1"; }
note() { NOTES="${NOTES:+$NOTES; }$1"; }
skip() { SKIP=$1; }

stderr_head() { head -c 300 "$W/stderr" | tr '\n' ' '; }

# bs TEXT: TEXT with each backslash doubled, for lib.sh's pass and fail,
# whose echo (dash) would read "\c" and the like as escapes.
bs() { printf '%s' "$1" | sed 's/\\/\\\\/g'; }

# bc_run ARGS...: run boardc in the case folder under timeout ${LIMIT:-60},
# with $RUN_ENV (VAR=value words) added to its environment. Sets GOT (exit
# status) and SECS; the first run's time is the case's time.
bc_run() {
	_t0=$(date +%s%3N)
	GOT=0
	# shellcheck disable=SC2086
	timeout "${LIMIT:-60}" env $RUN_ENV "$BOARDC" "$@" > "$W/stdout" 2> "$W/stderr" || GOT=$?
	_t1=$(date +%s%3N)
	SECS=$(ms_to_s $((_t1 - _t0)))
	[ -n "$CASE_SECS" ] || CASE_SECS=$SECS
}

# baseline FILE WHAT: build FILE (it must succeed) as the case's yardstick;
# keeps its time in BASE and notes it. The case's own time is the next run's.
# Returns non-zero when the baseline itself failed.
baseline() {
	mkdir -p out
	bc_run build "$1" -o "out/$(basename "$1" .xml).pdf"
	want_exit 0 || return 1
	BASE=$SECS
	note "$2: $BASE s"
	CASE_SECS=
}

# within_baseline WHAT: the last run took at most 3 times BASE plus 2 s.
within_baseline() {
	awk -v a="$SECS" -v b="$BASE" 'BEGIN { exit !(a <= 3 * b + 2) }' ||
		bad "$1 took $SECS s, the baseline $BASE s"
}

# builds_like_baseline BASE.xml BASE-WHAT WHAT: BASE.xml is timed, then
# paper.xml must build (exit 0, a valid PDF holding each line of $TEXT,
# UTF-8 stderr) within the baseline's bound.
builds_like_baseline() {
	baseline "$1" "$2" || return 0
	bc_run build paper.xml -o out/out.pdf
	want_exit 0 || return 0
	want_pdf out/out.pdf
	want_text out/out.pdf
	want_utf8_stderr
	within_baseline "$3"
}

# bc_run_rss ARGS...: bc_run under GNU time; also sets RSS_KB, boardc's
# peak resident memory in KiB. Skips the case where GNU time is missing.
bc_run_rss() {
	if ! /usr/bin/time -f %M -o /dev/null true 2> /dev/null; then
		skip "no GNU time (/usr/bin/time) to measure memory"
		GOT=0 RSS_KB=0
		return 0
	fi
	_t0=$(date +%s%3N)
	GOT=0
	# shellcheck disable=SC2086
	timeout "${LIMIT:-60}" /usr/bin/time -f %M -o "$W/rss" env $RUN_ENV "$BOARDC" "$@" \
		> "$W/stdout" 2> "$W/stderr" || GOT=$?
	_t1=$(date +%s%3N)
	SECS=$(ms_to_s $((_t1 - _t0)))
	[ -n "$CASE_SECS" ] || CASE_SECS=$SECS
	RSS_KB=$(tail -n 1 "$W/rss" 2> /dev/null)
	case $RSS_KB in '' | *[!0-9]*) RSS_KB=0 ;; esac
}

# why_status N: words for an exit status that is not boardc's own.
why_status() {
	if [ "$1" = 124 ]; then
		echo "no result within ${LIMIT:-60} s (hang; stopped by timeout)"
	elif [ "$1" -gt 128 ]; then
		echo "killed by signal $(($1 - 128)) (crash)"
	else
		echo "exit $1"
	fi
}

# want_exit N: the last bc_run exited with N.
want_exit() {
	[ "$GOT" = "$1" ] && return 0
	bad "$(why_status "$GOT"), wanted exit $1; stderr: $(stderr_head)"
	return 1
}

# want_stderr ERE: the last run's stderr matches.
want_stderr() {
	grep -Eq -- "$1" "$W/stderr" ||
		bad "stderr lacks /$1/: $(stderr_head)"
}

# want_utf8_stderr: the diagnostics are valid UTF-8 and every line has a
# compiler's form (editors and CI parse them): "FILE[:LINE[:COL]]: error|
# warning|note: ...", an indented "  hint: ..." under one, or "boardc: ..."
# for the command line (whose usage text may follow, exit status 2). A case
# may allow lines a library prints by itself with STDERR_ALLOW (an ERE).
want_utf8_stderr() {
	_why=$(python3 "$GEN" utf8 "$W/stderr" 2>&1) || bad "stderr is not valid UTF-8: $_why"
	[ "$GOT" = 2 ] && return 0
	_odd=$(grep -Evn '^([^ :][^:]*:([0-9]+:([0-9]+:)?)? (error|warning|note): |  hint: |boardc: )' "$W/stderr" |
		{ if [ -n "$STDERR_ALLOW" ]; then grep -Ev -- "^[0-9]+:($STDERR_ALLOW)"; else cat; fi; } |
		head -n 2 | tr '\n' ' ')
	[ -z "$_odd" ] || bad "stderr lines not in file:line: severity: form: $_odd"
}

# want_absent FILE / want_no_temp DIR / want_same REF FILE
want_absent() {
	[ -e "$1" ] || [ -L "$1" ] || return 0
	bad "$1 exists after a failed run ($(wc -c < "$1" | tr -d ' ') bytes)"
}
want_no_temp() {
	for _f in "$1"/.boardc-*; do
		if [ -e "$_f" ]; then
			bad "temporary file left: $_f ($(wc -c < "$_f" | tr -d ' ') bytes)"
			return 1
		fi
	done
}
want_same() { cmp -s "$1" "$2" || bad "$2 changed (it should equal $1)"; }

# want_pdf FILE: a PDF that qpdf --check accepts.
want_pdf() {
	if [ ! -s "$1" ]; then bad "no PDF at $1"; return 1; fi
	qpdf --check "$1" > "$W/qpdf.out" 2>&1 ||
		bad "qpdf --check $1: $(grep -v '^checking\|^PDF Version\|^File is not\|^No syntax' "$W/qpdf.out" | head -c 200 | tr '\n' ' ')"
}

# want_text PDF: every line of $TEXT is in the PDF's text (whitespace folded,
# invisible characters removed), every line of $BODY_TEXT in its body text
# (no whitespace at all, no running header or footer). The text is left in
# $W/text.txt for verify.
want_text() {
	python3 "$GEN" text "$1" > "$W/text.txt"
	: > "$W/missing.txt"
	printf '%s\n' "$TEXT" | while IFS= read -r _s; do
		[ -z "$_s" ] || grep -Fq -- "$_s" "$W/text.txt" ||
			echo "'$(printf '%s' "$_s" | cut -c1-60)'"
	done >> "$W/missing.txt"
	if [ -n "$BODY_TEXT" ]; then
		python3 "$GEN" body "$1" > "$W/body.txt"
		printf '%s\n' "$BODY_TEXT" | while IFS= read -r _s; do
			[ -z "$_s" ] || grep -Fq -- "$_s" "$W/body.txt" ||
				echo "'$(printf '%s' "$_s" | cut -c1-40)...' ($(printf '%s' "$_s" | wc -c | tr -d ' ') bytes, whitespace ignored)"
		done >> "$W/missing.txt"
	fi
	_n=$(wc -l < "$W/missing.txt" | tr -d ' ')
	[ "$_n" = 0 ] ||
		bad "text missing from the PDF ($_n of $(printf '%s\n%s\n' "$TEXT" "$BODY_TEXT" | grep -c .) expected strings): $(head -n 4 "$W/missing.txt" | tr '\n' ' ')$([ "$_n" -le 4 ] || echo ...)"
}

# count_in FILE STRING: occurrences of STRING in FILE.
count_in() { grep -oF -- "$2" "$1" | wc -l | tr -d ' '; }

# The generated papers: a front sheet, then one section whose blocks the
# case writes between paper_head and paper_tail (the first block is line 9).
paper_head() {
	printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
		'<paper xmlns="urn:x-boardc:paper:1">' '  <front>' \
		'    <committee>Audit Committee</committee>' \
		'    <meeting date="2024-05-14"/>' "    <title>$1</title>" '  </front>' \
		'  <section id="intro" title="Introduction">'
}
paper_tail() { printf '%s\n' '  </section>' '</paper>'; }

# start_listener / stop_listener: a local TCP listener (port in $PORT) that
# records any connection; stop_listener fails the case if one was made.
start_listener() {
	rm -f "$W/listener.port" "$W/listener.hit"
	python3 "$GEN" listen "$W/listener.port" "$W/listener.hit" 120 &
	LISTENER=$!
	_i=0
	while [ ! -s "$W/listener.port" ] && [ $_i -lt 100 ]; do sleep 0.1; _i=$((_i + 1)); done
	PORT=$(cat "$W/listener.port" 2>/dev/null)
	if [ -z "$PORT" ]; then bad "the local listener did not start"; PORT=9; fi
}
stop_listener() {
	sleep 0.3
	kill "$LISTENER" 2>/dev/null
	wait "$LISTENER" 2>/dev/null
	if [ -e "$W/listener.hit" ]; then
		bad "boardc connected to the local listener (127.0.0.1:$PORT)"
	else
		note "no connection to the local listener"
	fi
}

# signal_mid_write SIG: write a long paper (30,000 paragraphs, some 860
# pages) to paper.xml, start "boardc build paper.xml -o out/out.pdf" over an
# existing out/out.pdf, wait until its temporary file appears (the PDF is
# being written), send SIG, and check the old output is intact and, unless
# SIG is KILL (which cannot be caught), that the temporary file went too.
signal_mid_write() {
	{
		paper_head "Interrupted"
		awk 'BEGIN { for (i = 1; i <= 30000; i++) printf "    <p>Paragraph %d of the long paper.</p>\n", i }'
		paper_tail
	} > paper.xml
	_signal_mid_write paper.xml "$1" || return 0
	if [ -z "$TEMP_LEFT" ]; then
		note "no temporary file left"
	elif [ "$1" = KILL ]; then
		note "temporary file left after SIGKILL (allowed): $(basename "$TEMP_LEFT"), $(wc -c < "$TEMP_LEFT" | tr -d ' ') bytes"
	else
		bad "temporary file left after SIG$1: $(basename "$TEMP_LEFT"), $(wc -c < "$TEMP_LEFT" | tr -d ' ') bytes"
	fi
	rm -f out/.boardc-*
}

# _signal_mid_write INPUT SIG: the run and the old-output check; sets GOT
# and TEMP_LEFT (the temporary file left behind, if any).
_signal_mid_write() {
	mkdir -p out
	printf '%%PDF-1.4\n%% existing output of %s\n' "$NAME" > keep.ref
	cp keep.ref out/out.pdf
	_t0=$(date +%s%3N)
	# Asynchronous commands of a non-interactive shell ignore SIGINT; give
	# boardc the default action back (env --default-signal is coreutils
	# 8.31 or later; else a python3 shim that execs it).
	if env --default-signal=INT true 2> /dev/null; then
		env --default-signal=INT "$BOARDC" build "$1" -o out/out.pdf > "$W/stdout" 2> "$W/stderr" &
	else
		python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])' "$BOARDC" build "$1" -o out/out.pdf > "$W/stdout" 2> "$W/stderr" &
	fi
	_pid=$!
	_i=0 _seen=
	while [ $_i -lt 1200 ]; do
		for _f in out/.boardc-*; do [ -e "$_f" ] && _seen=$_f; done
		[ -n "$_seen" ] && break
		kill -0 "$_pid" 2>/dev/null || break
		sleep 0.05
		_i=$((_i + 1))
	done
	if [ -z "$_seen" ]; then
		kill -KILL "$_pid" 2>/dev/null
		wait "$_pid"
		GOT=$?
		bad "no temporary file appeared before boardc ended (exit $GOT): nothing to interrupt"
		return 1
	fi
	sleep 0.1
	kill "-$2" "$_pid" 2>/dev/null
	_i=0
	while kill -0 "$_pid" 2>/dev/null && [ $_i -lt 600 ]; do sleep 0.1; _i=$((_i + 1)); done
	if kill -0 "$_pid" 2>/dev/null; then
		kill -KILL "$_pid" 2>/dev/null
		bad "still running 60 s after SIG$2"
	fi
	wait "$_pid"
	GOT=$?
	_t1=$(date +%s%3N)
	CASE_SECS=$(ms_to_s $((_t1 - _t0)))
	if [ "$GOT" = 0 ]; then
		bad "boardc finished (exit 0) before SIG$2 reached it"
	else
		note "exit $GOT after SIG$2 (temporary file $(basename "$_seen") was there)"
	fi
	want_same keep.ref out/out.pdf
	TEMP_LEFT=
	for _f in out/.boardc-*; do [ -e "$_f" ] && TEMP_LEFT=$_f; done
	return 0
}

# ---- the standard procedure --------------------------------------------------

# A case.sh sets DESC, RC, ERR ... (see the README) and may define prepare
# (generate inputs in the case folder, the current directory), verify
# (extra checks after the standard procedure) or run_case (a procedure of
# its own, instead of the standard one).
#
# std_case: "boardc ${CMD:-build} ${INPUT:-paper.xml} $ARGS -o out/out.pdf";
# RC, ERR, TEXT, BODY_TEXT as described above. ALT_RC with ALT_ERR is an
# acceptable alternative outcome (a clear limit error instead of success).
std_case() {
	mkdir -p out
	# shellcheck disable=SC2086
	bc_run "${CMD:-build}" "${INPUT:-paper.xml}" $ARGS -o out/out.pdf
	_rc=$RC _err=$ERR
	if [ "$GOT" != "$RC" ] && [ -n "$ALT_RC" ] && [ "$GOT" = "$ALT_RC" ] &&
		grep -Eq -- "$ALT_ERR" "$W/stderr"; then
		_rc=$ALT_RC _err=$ALT_ERR
		note "the alternative outcome: exit $GOT, $(head -n 1 "$W/stderr" | cut -c1-120)"
	fi
	want_exit "$_rc" || return 0
	[ -z "$_err" ] || want_stderr "$_err"
	want_utf8_stderr
	if [ "$_rc" = 0 ]; then
		want_pdf out/out.pdf && want_text out/out.pdf
		want_no_temp out
		return 0
	fi
	want_absent out/out.pdf
	want_no_temp out
	# Again, over an existing output file: it must be left as it was.
	printf '%%PDF-1.4\n%% existing output of %s\n' "$NAME" > keep.ref
	cp keep.ref out/out.pdf
	_secs=$CASE_SECS
	# shellcheck disable=SC2086
	bc_run "${CMD:-build}" "${INPUT:-paper.xml}" $ARGS -o out/out.pdf
	CASE_SECS=$_secs
	[ "$GOT" = "$_rc" ] || bad "over an existing output: $(why_status "$GOT"), wanted exit $_rc"
	want_same keep.ref out/out.pdf
	want_no_temp out
}

# ---- running the cases ---------------------------------------------------------

is_known() {
	for _k in $KNOWN; do [ "$_k" = "$1" ] && return 0; done
	return 1
}

# run_one NAME: runs the case in a subshell, in its own folder $TMP/NAME.
run_one() {
	(
		NAME=$1
		W="$TMP/$NAME"
		mkdir -p "$W"
		cp -R "$PATHO/$NAME/." "$W/"
		cd "$W" || exit 1
		FAILS='' NOTES='' SKIP='' CASE_SECS='' RUN_ENV='' LIMIT=60 GOT='' LISTENER=''
		CMD='' INPUT='' ARGS='' RC='' ERR='' ALT_RC='' ALT_ERR='' TEXT='' BODY_TEXT='' STDERR_ALLOW=
		# A case.sh may define any of these; by default a case is the
		# standard procedure, with nothing to prepare or verify beyond it.
		prepare() { :; }
		verify() { :; }
		run_case() {
			std_case
			[ "$GOT" = 124 ] || verify
		}
		. "$W/case.sh"
		if ! prepare > "$W/prepare.log" 2>&1; then
			bad "prepare failed: $(head -c 300 "$W/prepare.log" | tr '\n' ' ')"
		elif [ -z "$SKIP" ]; then
			run_case
		fi
		# A listener the case did not stop (it failed early) goes too.
		[ -z "$LISTENER" ] || kill "$LISTENER" 2> /dev/null
		t="${CASE_SECS:-0.00} s"
		if [ -n "$SKIP" ]; then
			printf 'skip - %s: %s\n' "$NAME" "$SKIP"
		elif [ -z "$FAILS" ]; then
			if is_known "$NAME"; then
				NOTES="${NOTES:+$NOTES; }listed in KNOWN but passes now: take it out of KNOWN"
			fi
			pass "$(bs "$NAME ($t)${NOTES:+ [$NOTES]}")"
		elif is_known "$NAME"; then
			printf 'known - %s: %s (%s)\n' "$NAME" "$FAILS" "$t"
		else
			fail "$NAME ($t)" "$(bs "$FAILS")"
		fi
	)
	# Big generated inputs are not kept once the case is done.
	rm -rf "${TMP:?}/$1" "${TMP:?}/$1.outside"
}

cases=
for d in "$PATHO"/*/; do
	[ -f "$d/case.sh" ] && cases="$cases $(basename "$d")"
done

# The README's table and the KNOWN list name real cases, and every case is
# in the table.
readme="$PATHO/README.md"
missing=
for c in $cases; do
	grep -q "^| \`$c\` |" "$readme" || missing="$missing $c"
done
for c in $(sed -n 's/^| `\([a-z0-9-]*\)` |.*/\1/p' "$readme") $KNOWN; do
	[ -f "$PATHO/$c/case.sh" ] || missing="$missing $c(no such case)"
done
if [ -z "$missing" ]; then pass "pathological: README and KNOWN match the $(echo "$cases" | wc -w | tr -d ' ') cases"
else fail "pathological: README and KNOWN match the cases" "mismatch:$missing"; fi

for c in ${PATHO_CASES:-$cases}; do
	run_one "$c"
done
