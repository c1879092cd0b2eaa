#!/bin/sh
# check.sh - boardc check: every rule fires on its fixture and not on the
# fixed one, text/JSON/SARIF output (JSON against its documented shape,
# SARIF against the official 2.1.0 schema), exit statuses, configuration,
# suppression markers, the samples, and build running the error rules.
. "$(dirname "$0")/../lib.sh"

C="$DATA/check"
PY=${PYTHON:-python3}

# out_has NAME REGEX / out_lacks NAME REGEX: the last run's stdout.
out_has() {
	if grep -Eq -- "$2" "$TMP/out"; then pass "$1"; else
		fail "$1" "stdout lacks /$2/: $(head -c 600 "$TMP/out")"; fi
}
out_lacks() {
	if grep -Eq -- "$2" "$TMP/out"; then fail "$1" "stdout has /$2/: $(grep -E -- "$2" "$TMP/out" | head -3)"
	else pass "$1"; fi
}

# ---- one fixture per rule that triggers it, one that does not ----
rules=$(sed -n 's/^[[:space:]]*X([A-Z_]*, "\([a-z-]*\)", BC_.*/\1/p' "$TOP/src/check.h")
check "the rule list is read from src/check.h" test "$(echo "$rules" | wc -w)" -ge 20
for r in $rules; do
	if [ ! -f "$C/$r.xml" ] || [ ! -f "$C/$r-ok.xml" ]; then
		fail "$r: fixtures" "tests/data/check/$r.xml and $r-ok.xml are both needed"
		continue
	fi
	run_boardc check "$C/$r.xml"
	out_has "$r: $r.xml triggers it" "^$C/$r.xml:[0-9]+(:[0-9]+)?: (error|warning|note): .* \\[$r\\]\$"
	if grep -Eq ": error: .*\\[$r\\]\$" "$TMP/out"; then want=1; else want=0; fi
	expect_rc "$r: exit $want (its default severity)" "$want"
	run_boardc check "$C/$r-ok.xml"
	out_lacks "$r: $r-ok.xml does not trigger it" "\\[$r\\]\$"
	out_has "$r: $r-ok.xml has no other finding" "^check: 1 paper, 0 errors, 0 warnings, [01] suppressed\$"
	expect_rc "$r: $r-ok.xml exits 0" 0
done

run_boardc check "$C/clean.xml"
expect_rc "clean paper: exit 0" 0
check "clean paper: only the summary line" test "$(wc -l < "$TMP/out")" -eq 1

# ---- text output: like a compiler, at the place concerned ----
run_boardc check "$C/table-total.xml"
out_has "text: file:line:col of the total cell, expected and found" \
	"table-total.xml:23:44: error: total in column 'Cost' of Table 1 is £2.3m, but the rows above add up to £2.0m \\[table-total\\]"
out_has "text: hint line with the difference" "^  hint: expected £2.0m, found £2.3m \\(a difference of £0.3m\\)"
run_boardc check "$C/acronym.xml"
out_has "text: a finding in running text points at the word (column of JSNA)" \
	"acronym.xml:15:12: warning: acronym 'JSNA' is used before it is spelled out"
out_has "text: the hint gives the later expansion" "hint: spell it out at its first use: Joint Strategic Needs Assessment \\(JSNA\\)"
run_boardc check "$C/placeholder-text.xml"
out_has "text: placeholder in an attribute, at the attribute" \
	"placeholder-text.xml:5:32: warning: placeholder \"TBC\" in the venue attribute of <meeting>"
out_has "text: an implication that is only a placeholder" \
	"warning: implication 'legal' is a placeholder \\(\"TBC\"\\) \\[placeholder-text\\]"
run_boardc check "$C/table-total.xml" "$C/clean.xml" "$C/placeholder-text.xml"
out_has "text: summary counts papers, errors and warnings" \
	"^check: 3 papers, 1 error, 2 warnings, 0 suppressed\$"

# ---- exit statuses ----
run_boardc check "$C/placeholder-text.xml"
expect_rc "warnings only: exit 0" 0
run_boardc check --werror "$C/placeholder-text.xml"
expect_rc "--werror: warnings give exit 1" 1
run_boardc check --werror "$C/clean.xml"
expect_rc "--werror on a clean paper: exit 0" 0
run_boardc check "$C/clean.xml" "$C/table-total.xml"
expect_rc "any paper with an error: exit 1" 1
run_boardc check
expect_rc "no paper: exit 2" 2
run_boardc check --frobnicate "$C/clean.xml"
expect_rc "unknown option: exit 2" 2
run_boardc check --format yaml "$C/clean.xml"
expect_rc "unknown format: exit 2" 2
expect_err "unknown format: says which are known" "text, json or sarif"
run_boardc check "$TMP/no-such-paper.xml"
expect_rc "missing paper: exit 3" 3
out_has "missing paper: reported as a finding" "no-such-paper.xml: error: cannot open: .*\\[invalid-paper\\]"
run_boardc check "$TMP/no-such-paper.xml" "$C/table-total.xml"
expect_rc "I/O beats errors: exit 3" 3
run_boardc check --config "$TMP/no-such-config.xml" "$C/clean.xml"
expect_rc "missing --config file: exit 3" 3
run_boardc check --config "$C/bad-config.xml" "$C/clean.xml"
expect_rc "bad --config file: exit 2" 2
expect_err "bad config: unknown rule named with its line" "bad-config.xml:3: error: unknown rule 'no-such-rule'"
expect_err "bad config: bad severity" "severity 'loud' must be error, warning, note or off"
run_boardc check "$C/bad-folder/paper.xml"
expect_rc "bad boardc-check.xml in the paper's folder: exit 2" 2
run_boardc check --help
expect_rc "check --help: exit 0" 0
out_has "check --help: documents --werror" "--werror"

# ---- JSON and SARIF ----
all="$C/*.xml $C/config/paper.xml $SAMPLES/*.xml"
# shellcheck disable=SC2086
run_boardc check --format json $all
cp "$TMP/out" "$TMP/all.json"
check "json: matches its documented shape, counts agree" "$PY" "$TOP/tests/checkjson.py" json "$TMP/all.json"
# shellcheck disable=SC2086
run_boardc check --format sarif $all
cp "$TMP/out" "$TMP/all.sarif"
check "sarif: valid against the SARIF 2.1.0 schema" "$PY" "$TOP/tests/checkjson.py" sarif "$TMP/all.sarif"
check "json and sarif report the same findings" "$PY" - "$TMP/all.json" "$TMP/all.sarif" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
s = json.load(open(sys.argv[2]))
res = s["runs"][0]["results"]
assert len(res) == len(j["findings"]) + len(j["suppressed"]), "counts differ"
active = [r for r in res if not r.get("suppressions")]
for f, r in zip(j["findings"], active):
    assert r["ruleId"] == f["rule"], (r["ruleId"], f["rule"])
    assert r["level"] == f["severity"]
    reg = r["locations"][0]["physicalLocation"].get("region", {})
    assert reg.get("startLine", 0) == f["line"] and reg.get("startColumn", 0) == f["column"]
    assert r["message"]["text"].startswith(f["message"])
EOF
check "sarif: suppressed findings carry an inSource suppression with the reason" "$PY" - "$TMP/all.sarif" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
sup = [r for r in s["runs"][0]["results"] if r.get("suppressions")]
assert sup, "no suppressed result"
assert all(r["suppressions"][0]["kind"] == "inSource" and r["suppressions"][0]["justification"] for r in sup)
EOF
printf 'weird "name"\\\t.xml' > /dev/null
cp "$C/placeholder-text.xml" "$TMP/odd name \"q\".xml"
run_boardc check --format json "$TMP/odd name \"q\".xml"
cp "$TMP/out" "$TMP/odd.json"
check "json: file names with spaces and quotes are escaped" "$PY" "$TOP/tests/checkjson.py" json "$TMP/odd.json"
run_boardc check --format sarif "$TMP/odd name \"q\".xml"
cp "$TMP/out" "$TMP/odd.sarif"
check "sarif: such a file name becomes a percent-encoded URI" sh -c \
	"'$PY' '$TOP/tests/checkjson.py' sarif '$TMP/odd.sarif' && grep -q 'odd%20name%20%22q%22.xml' '$TMP/odd.sarif'"
run_boardc check --format json "$C/clean.xml"
cp "$TMP/out" "$TMP/clean.json"
check "json: a clean paper gives empty lists" "$PY" - "$TMP/clean.json" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["findings"] == [] and j["suppressed"] == [] and j["summary"]["papers"] == 1
EOF

# ---- suppression markers ----
run_boardc check "$C/suppression-ok.xml"
out_lacks "marker: the acronym finding is silenced" "\\[acronym\\]"
out_has "marker: counted in the text summary" "1 suppressed"
run_boardc check --format json "$C/suppression-ok.xml"
check "marker: listed in the JSON with its reason and place" sh -c \
	"grep -q '\"reason\": \"CIPFA is spelled out in the covering report\", \"suppressed_at\": {\"line\": 15, \"column\": 5}' '$TMP/out'"
run_boardc check "$C/suppress-paper.xml"
out_has "marker before <paper>: silences the whole paper" "0 warnings, 1 suppressed"
sed 's|      <chart type="bar" highlight="Centrel">|      <?boardc-check ignore="build-warning" reason="kept for next year"?><chart type="bar" highlight="Centrel">|' \
	"$C/build-warning.xml" > "$TMP/bw.xml"
run_boardc check "$TMP/bw.xml"
out_has "marker: a warning from reading the paper can be silenced too" "0 warnings, 1 suppressed"
sed 's/ignore="acronym"/ignore="table-total"/' "$C/suppression-ok.xml" > "$TMP/unused.xml"
run_boardc check "$TMP/unused.xml"
out_has "marker that silences nothing is reported" "suppression of 'table-total' silences nothing in <p> at line 16 \\[suppression\\]"
out_has "and the finding it missed stays" "\\[acronym\\]"
sed 's/ignore="acronym"/ignore="acronyms"/' "$C/suppression-ok.xml" > "$TMP/unknown.xml"
run_boardc check "$TMP/unknown.xml"
out_has "marker naming an unknown rule is reported" "names unknown rule 'acronyms'"
sed 's/ignore="acronym"/ignore="invalid-paper"/' "$C/suppression-ok.xml" > "$TMP/fixed.xml"
run_boardc check "$TMP/fixed.xml"
out_has "invalid-paper cannot be suppressed" "'invalid-paper' cannot be suppressed"
sed 's|<p>The CIPFA figures show more visits.</p>|<p>The CIPFA figures show more visits.</p><?boardc-check ignore="acronym" reason="x"?>|' \
	"$C/suppression-ok.xml" > "$TMP/trailing.xml"
run_boardc check "$TMP/trailing.xml"
out_has "marker with nothing after it is reported" "not followed by an element"
sed 's|ignore="acronym" reason=|ignore=acronym reason=|' "$C/suppression-ok.xml" > "$TMP/malformed.xml"
run_boardc check "$TMP/malformed.xml"
out_has "malformed marker is reported" "suppression marker is malformed"

# Markers change nothing in the PDF, wherever they stand (between table
# rows and list items too).
mark='<?boardc-check ignore="acronym" reason="test"?>'
sed -e "s|<tr><td>Northgate|$mark<tr><td>Northgate|" -e "s|<tbody>|<tbody>$mark|" \
	-e "s|<section title=\"Background\">|$mark<section title=\"Background\">|" \
	-e "s|</tbody>|</tbody>$mark|" "$C/table-total-ok.xml" > "$TMP/marked.xml"
run_boardc build "$C/table-total-ok.xml" -o "$TMP/plain.pdf"
run_boardc build "$TMP/marked.xml" -o "$TMP/marked.pdf"
check "markers do not change the text of the PDF" sh -c \
	"pdftotext -layout '$TMP/plain.pdf' '$TMP/plain.txt' && pdftotext -layout '$TMP/marked.pdf' '$TMP/marked.txt' && cmp -s '$TMP/plain.txt' '$TMP/marked.txt'"
sed -e "s|<li>note the report</li>|<li>note the report</li><li>agree it</li>|" \
	"$C/recommendations-unnumbered.xml" > "$TMP/list.xml"
sed -e "s|<li>note the report</li>|$mark<li>note the report</li>$mark<li>agree it</li>$mark|" \
	"$C/recommendations-unnumbered.xml" > "$TMP/list-marked.xml"
run_boardc build --no-check "$TMP/list.xml" -o "$TMP/list.pdf"
run_boardc build --no-check "$TMP/list-marked.xml" -o "$TMP/list-marked.pdf"
check "markers between list items do not become items" sh -c \
	"pdftotext -layout '$TMP/list.pdf' '$TMP/l1.txt' && pdftotext -layout '$TMP/list-marked.pdf' '$TMP/l2.txt' && cmp -s '$TMP/l1.txt' '$TMP/l2.txt'"

# ---- configuration ----
run_boardc check "$C/config/paper.xml"
expect_rc "folder config: acronym made an error gives exit 1" 1
out_has "folder config: acronym reported as an error" "error: acronym 'JSNA' is never spelled out \\[acronym\\]"
out_lacks "folder config: a listed acronym is known" "acronym 'CIPFA'"
out_lacks "folder config: a rule turned off" "contact-details"
out_has "folder config: readability limit from the config" "sentence of 12 words \\(the limit is 8\\)"
out_has "folder config: sections every paper must have" "<summary>, which the check configuration requires"
run_boardc check --config "$C/config-off.xml" "$C/table-total.xml" "$C/sentence-length.xml"
expect_rc "--config: table-total off, exit 0" 0
out_lacks "--config: table-total not reported" "\\[table-total\\]"
out_has "--config: sentence-length made a note" ": note: sentence of 33 words"
run_boardc check --config "$C/replace-requires.xml" "$C/required-section.xml" "$C/clean.xml"
out_lacks "config requires replace=yes: the template's own list is replaced" "required-section.xml.*Financial"
out_has "config requires for every paper" "clean.xml:2:1: error: required section missing: Consultees"

# ---- the samples: no errors, and only warnings docs/check.md lists ----
# shellcheck disable=SC2086
run_boardc check --format json $SAMPLES/*.xml
cp "$TMP/out" "$TMP/samples.json"
expect_rc "samples: no errors" 0
check "samples: every warning they get is listed in docs/check.md" "$PY" - "$TMP/samples.json" "$TOP/docs/check.md" <<'EOF'
import json, os, re, sys
j = json.load(open(sys.argv[1]))
doc = open(sys.argv[2], encoding="utf-8").read()
listed = {}
for m in re.finditer(r"^\| `([a-z-]+)\.xml` \| ([^|]*)\|", doc, re.M):
    listed[m.group(1)] = set(re.findall(r"`([a-z-]+)`", m.group(2)))
bad = []
for f in j["findings"]:
    name = os.path.basename(f["file"])[:-4]
    if f["severity"] == "error" or f["rule"] not in listed.get(name, set()):
        bad.append("%s: %s %s" % (name, f["severity"], f["rule"]))
assert not bad, sorted(set(bad))
EOF

# ---- build runs the error rules ----
run_boardc build "$C/table-total.xml" -o "$TMP/tt.pdf"
expect_rc "build: a paper with an error finding fails" 1
expect_err "build: prints the finding like check" "table-total.xml:23:44: error: total in column 'Cost'.*\\[table-total\\]"
check "build: no PDF written" test ! -e "$TMP/tt.pdf"
run_boardc build --no-check "$C/table-total.xml" -o "$TMP/tt.pdf"
expect_rc "build --no-check: builds the draft" 0
check "build --no-check: PDF written" test -s "$TMP/tt.pdf"
run_boardc build "$C/placeholder-text.xml" -o "$TMP/ph.pdf"
expect_rc "build: warnings do not stop it" 0
check "build: warning-severity findings are not printed" sh -c "! grep -q 'placeholder' '$TMP/err'"
run_boardc build "$C/config/paper.xml" -o "$TMP/cfg.pdf"
expect_rc "build: honours the folder's boardc-check.xml (acronym as error)" 1
expect_err "build: that finding is printed" "\\[acronym\\]"
sed 's|<table>|<figure><caption>Map</caption><alt>Map of the libraries.</alt><image src="no-such.png"/></figure><table>|' \
	"$C/table-total.xml" > "$TMP/both.xml"
run_boardc build "$TMP/both.xml" -o "$TMP/both.pdf"
expect_rc "build: check and layout errors together: exit 1" 1
expect_err "build: the check error is reported" "\\[table-total\\]"
expect_err "build: and the layout error too" "image 'no-such.png' not found"
run_boardc build --no-check "$C/invalid-paper.xml" -o "$TMP/inv.pdf"
expect_rc "build --no-check still refuses an invalid paper" 1

# ---- memory: one check run over every fixture under memcheck ----
if command -v valgrind > /dev/null 2>&1; then
	vg=0
	# shellcheck disable=SC2086
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		--suppressions="$TOP/tests/valgrind.supp" "$BOARDC" check --format sarif \
		$C/*.xml "$C/config/paper.xml" > /dev/null 2> "$TMP/vg.log" || vg=$?
	if [ "$vg" -eq 99 ]; then
		fail "valgrind: check over every fixture" "$(grep -m 10 '==' "$TMP/vg.log")"
	else
		pass "valgrind: check over every fixture"
	fi
fi

# An agenda: the agenda and every paper it names are checked.
agenda="$SAMPLES/packs/hwbb-2012-07-26/agenda.xml"
if [ -f "$agenda" ]; then
	run_boardc check "$agenda" --format json
	expect_rc "check agenda: no errors in the sample meeting" 0
	check "check agenda: findings come from the papers it names" python3 -c "
import json, sys
files = {f['file'] for f in json.load(open('$TMP/out'))['findings']}
sys.exit(0 if any(f.endswith('hammersmith-fulham-integration.xml') for f in files) else 'files: %s' % files)"
	mkdir -p "$TMP/meeting"
	cp "$agenda" "$TMP/meeting/agenda.xml"
	for p in $(sed -n 's/.*paper="\([^"]*\)".*/\1/p' "$agenda"); do
		mkdir -p "$TMP/meeting/$(dirname "$p")"
		cp "$(dirname "$agenda")/$p" "$TMP/meeting/$p"
	done
	cp -r "$(dirname "$agenda")/data" "$TMP/meeting/" 2>/dev/null
	first=barking-dagenham-cabinet.xml
	sed -i 's|<recommendations |<bogus/><recommendations |' "$TMP/meeting/$first"
	run_boardc check "$TMP/meeting/agenda.xml"
	expect_rc "check agenda: an error in one paper fails the agenda" 1
	check "check agenda: the error names the paper's file" \
		grep -Eq "$first:[0-9]+:[0-9]+: error:" "$TMP/out"
fi
