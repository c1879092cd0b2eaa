# lib.sh - helpers for end-to-end tests; sourced by tests/e2e/*.sh.
# Each check prints "ok - NAME" or "FAIL - NAME: why" and appends one line
# to $RESULTS, which tests/run.sh counts.
: "${BOARDC:?BOARDC must name the boardc binary}"
: "${RESULTS:?RESULTS must name the results file}"
TOP=$(cd "$(dirname "$0")/../.." && pwd)
SAMPLES="$TOP/samples"
DATA="$TOP/tests/data"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/boardc-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

pass() { echo "ok - $1"; echo "pass $1" >> "$RESULTS"; }
fail() { echo "FAIL - $1: $2"; echo "fail $1" >> "$RESULTS"; }

# check NAME COMMAND...: passes when COMMAND succeeds.
check() {
	_check_name=$1; shift
	if "$@" > "$TMP/check.out" 2>&1; then pass "$_check_name"; else
		fail "$_check_name" "$(head -c 600 "$TMP/check.out")"; fi
}

# run_boardc ARGS...: runs boardc, leaving stdout in $TMP/out, stderr in
# $TMP/err and the exit status in $RC; never hangs longer than 60 s.
run_boardc() {
	RC=0
	timeout 60 "$BOARDC" "$@" > "$TMP/out" 2> "$TMP/err" || RC=$?
}

# expect_rc NAME WANT: the last run_boardc exited with WANT.
expect_rc() {
	if [ "$RC" = "$2" ]; then pass "$1"; else
		fail "$1" "exit $RC, wanted $2; stderr: $(head -c 400 "$TMP/err")"; fi
}

# expect_err NAME REGEX: the last run's stderr matches REGEX (grep -E).
expect_err() {
	if grep -Eq -- "$2" "$TMP/err"; then pass "$1"; else
		fail "$1" "stderr lacks /$2/: $(head -c 400 "$TMP/err")"; fi
}

# text_of PDF: the PDF's text with whitespace folded to single spaces.
text_of() { pdftotext -enc UTF-8 "$1" - | tr -s ' \n\t\f' '    ' ; }
