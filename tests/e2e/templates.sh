#!/bin/sh
# templates.sh - templates and styles found by name, standard wording, the
# front sheet in a template's order, boardc new/templates/styles, install.
. "$(dirname "$0")/../lib.sh"

note="$DATA/custom/note.xml"
run_boardc build "$note" -o "$TMP/note.pdf"
expect_rc "paper-folder template and style: builds" 0
check "style by name from the paper's folder: US Letter pages" \
	sh -c "pdfinfo '$TMP/note.pdf' | grep -q 'Page size: *612 x 792'"
check "standard wording is set as numbered paragraphs" \
	sh -c "pdftotext -raw '$TMP/note.pdf' - | grep -q '^1.1 There are no direct legal implications arising from this note.' && pdftotext -raw '$TMP/note.pdf' - | grep -q '^1.2 There are no financial implications.'"
check "front sheet in the template's order: wards before item" \
	sh -c "pdftotext -raw -f 1 -l 1 '$TMP/note.pdf' - | tr '\n' ' ' | grep -q 'Wards affected Abbey; Village Agenda item 4'"
check "front sheet shows only the template's fields" \
	sh -c "! pdftotext -f 1 -l 1 '$TMP/note.pdf' - | grep -q 'Report of'"

sed 's/name="no-money"/name="no-such-wording"/' "$note" > "$DATA/custom/bad-wording.xml.tmp"
mv "$DATA/custom/bad-wording.xml.tmp" "$TMP/bad-wording.xml"
mkdir -p "$TMP/templates" "$TMP/styles"
cp "$DATA/custom/templates/short-note.xml" "$TMP/templates/"
cp "$DATA/custom/styles/letter.xml" "$TMP/styles/"
run_boardc build "$TMP/bad-wording.xml" -o "$TMP/x.pdf"
expect_rc "unknown standard wording: exit 1" 1
expect_err "unknown standard wording: names it with its line" \
	"bad-wording.xml:13:5: error: template 'short-note' has no standard wording 'no-such-wording'"
check "unknown standard wording: no output" test ! -e "$TMP/x.pdf"

sed 's/template="short-note"/template="no-such-template"/' "$note" > "$TMP/bad-template.xml"
run_boardc build "$TMP/bad-template.xml" -o "$TMP/x.pdf"
expect_rc "unknown template: exit 1" 1
expect_err "unknown template: message and hint" "template 'no-such-template' not found"
sed 's/style="letter"/style="no-such-style"/' "$note" > "$TMP/bad-style.xml"
run_boardc build "$TMP/bad-style.xml" -o "$TMP/x.pdf"
expect_rc "unknown style: exit 1" 1
expect_err "unknown style: hint names boardc styles" "boardc styles"

run_boardc templates
expect_rc "boardc templates: exit 0" 0
check "boardc templates: lists the shipped templates with descriptions" \
	sh -c "grep -q '^cabinet-report  *[A-Z]' '$TMP/out'"
run_boardc styles
expect_rc "boardc styles: exit 0" 0
check "boardc styles: lists the built-in default" sh -c "grep -q '^default  *[A-Z]' '$TMP/out'"

for t in $(cd "$TOP/templates" && ls *.xml | sed 's/\.xml$//'); do
	run_boardc new --template "$t" -o "$TMP/new-$t.xml"
	expect_rc "new $t: exit 0" 0
	check "new $t: the skeleton validates against the schema" \
		xmllint --noout --relaxng "$TOP/schema/boardc.rng" "$TMP/new-$t.xml"
	run_boardc build "$TMP/new-$t.xml" -o "$TMP/new-$t.pdf"
	expect_rc "new $t: the skeleton builds" 0
	check "new $t: placeholders are visible in the PDF" \
		sh -c "pdftotext '$TMP/new-$t.pdf' - | grep -q '\\[insert'"
	# A fresh skeleton fails check only on its placeholders.
	run_boardc check "$TMP/new-$t.xml" --werror --format json
	expect_rc "new $t: check --werror fails on the skeleton" 1
	check "new $t: every finding is a placeholder" python3 -c "
import json, sys
f = json.load(open('$TMP/out'))['findings']
rules = {x['rule'] for x in f}
sys.exit(0 if f and rules <= {'placeholder-text', 'placeholder-decision'} else 'rules: %s' % rules)"
done
run_boardc new --template cabinet-report -o "$TMP/new-cabinet-report.xml"
expect_rc "new refuses to overwrite without --force" 2
run_boardc new --template cabinet-report -o "$TMP/new-cabinet-report.xml" --force
expect_rc "new --force replaces" 0
run_boardc new --template no-such-template -o "$TMP/none.xml"
expect_rc "new with an unknown template: exit 2" 2

# make install, then the installed binary finds its data from anywhere.
if make -s -C "$TOP" install PREFIX="$TMP/prefix" > "$TMP/install.log" 2>&1; then
	pass "make install PREFIX=..."
	check "installed: binary, schema, styles, templates, man page" sh -c \
		"test -x '$TMP/prefix/bin/boardc' && test -f '$TMP/prefix/share/boardc/schema/boardc.rng' && ls '$TMP/prefix/share/boardc/templates/'*.xml >/dev/null && test -f '$TMP/prefix/share/boardc/styles/default.xml' && test -f '$TMP/prefix/share/man/man1/boardc.1'"
	check "installed: finds its templates from another folder" \
		sh -c "cd / && '$TMP/prefix/bin/boardc' templates | grep -q '^cabinet-report'"
	check "installed: builds a paper that names a template" \
		sh -c "cd / && '$TMP/prefix/bin/boardc' build '$SAMPLES/barking-dagenham-cabinet.xml' -o '$TMP/inst.pdf'"
else
	fail "make install PREFIX=..." "$(tail -5 "$TMP/install.log")"
fi
