#!/bin/sh
# bad_input.sh - hostile, broken and oversized inputs, command-line misuse,
# and large inputs that must still build. Small fixtures live in
# tests/data/bad/; anything big is generated into $TMP at run time.
. "$(dirname "$0")/../lib.sh"

BAD="$DATA/bad"
PASSWD_LINE=$(head -n 1 /etc/passwd 2>/dev/null)
: "${PASSWD_LINE:=root:x:0:0:}"

# expect_out NAME REGEX: the last run's stdout matches REGEX (grep -E).
expect_out() {
	if grep -Eq -- "$2" "$TMP/out"; then pass "$1"; else
		fail "$1" "stdout lacks /$2/: $(head -c 400 "$TMP/out")"; fi
}

# contains NAME FILE STRING: FILE holds STRING (fixed string).
contains() {
	if grep -Fq -- "$3" "$2"; then pass "$1"; else
		fail "$1" "'$(printf '%s' "$3" | head -c 80)' not found in $(basename "$2")"; fi
}

# lacks NAME FILE STRING: FILE does not hold STRING.
lacks() {
	if grep -Fq -- "$3" "$2"; then fail "$1" "found '$3' in $(basename "$2")"; else
		pass "$1"; fi
}

# stray_temp: prints and succeeds when boardc left a temporary file in $TMP.
stray_temp() {
	for f in "$TMP"/.boardc-*; do
		if [ -e "$f" ]; then basename "$f"; return 0; fi
	done
	return 1
}

# no_output NAME: the failed run left neither $TMP/x.pdf nor a temp file.
no_output() {
	if [ -e "$TMP/x.pdf" ]; then
		fail "$1: no output file" "$TMP/x.pdf exists ($(wc -c < "$TMP/x.pdf") bytes)"
	elif stray_temp > /dev/null; then
		fail "$1: no output file" "temporary file left: $(stray_temp)"
	else
		pass "$1: no output file"
	fi
}

# bad NAME RC REGEX ARGS...: "boardc build ARGS -o $TMP/x.pdf" exits RC,
# prints a diagnostic matching REGEX and writes nothing.
bad() {
	b_name=$1 b_rc=$2 b_re=$3
	shift 3
	rm -f "$TMP/x.pdf"
	run_boardc build "$@" -o "$TMP/x.pdf"
	expect_rc "$b_name: exit $b_rc" "$b_rc"
	expect_err "$b_name: diagnostic" "$b_re"
	no_output "$b_name"
}

# keep NAME ARGS...: a failing build over an existing PDF (a good one with
# a marker comment appended) leaves it byte-identical, with no temporary
# file beside it.
keep() {
	k_name=$1
	shift
	{ cat "$TMP/good.pdf"; printf '%%%% existing output, %s\n' "$k_name"; } > "$TMP/keep.ref"
	cp "$TMP/keep.ref" "$TMP/keep.pdf"
	run_boardc build "$@" -o "$TMP/keep.pdf"
	if [ "$RC" = 0 ]; then
		fail "$k_name: existing output untouched" "build unexpectedly succeeded"
	elif ! cmp -s "$TMP/keep.ref" "$TMP/keep.pdf"; then
		fail "$k_name: existing output untouched" "keep.pdf changed (exit $RC)"
	elif stray_temp > /dev/null; then
		fail "$k_name: existing output untouched" "temporary file left beside it"
	else
		pass "$k_name: existing output untouched"
	fi
}

# good NAME FILE: FILE builds (exit 0) into a PDF that qpdf accepts; its
# text is left in $TMP/NAME.txt.
good() {
	run_boardc build "$2" -o "$TMP/$1.pdf"
	expect_rc "$1: exit 0" 0
	check "$1: qpdf --check" qpdf --check "$TMP/$1.pdf"
	if [ -s "$TMP/$1.pdf" ]; then text_of "$TMP/$1.pdf" > "$TMP/$1.txt" 2>/dev/null; else : > "$TMP/$1.txt"; fi
}

# pages PDF: its page count (0 when unreadable).
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2; exit } END { if (NR == 0) print 0 }'; }

# body_text PDF: the text with running headers/footers, whitespace and
# U+200B removed, so a word broken over lines and pages reads as one.
body_text() {
	pdftotext -enc UTF-8 "$1" - 2>/dev/null | tr '\f' '\n' |
		grep -v -x -e ' *Page [0-9]* of [0-9]* *' -e ' *Audit Committee · 14 May 2024 *' |
		tr -d ' \n\t\f\r' | sed "s/$(printf '\342\200\213')//g"
}

now_ms() { date +%s%3N; }

# The head and tail of a generated paper around a section's blocks.
paper_head() {
	printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
		'<paper xmlns="urn:x-boardc:paper:1">' '  <front>' \
		'    <committee>Audit Committee</committee>' \
		'    <meeting date="2024-05-14"/>' "    <title>$1</title>" '  </front>' \
		'  <section id="intro" title="Introduction">'
}
paper_tail() { printf '%s\n' '  </section>' '</paper>'; }

# A known-good PDF, copied over the output of failing builds below.
run_boardc build "$BAD/valid.xml" -o "$TMP/good.pdf"
expect_rc "valid fixture builds" 0
[ -s "$TMP/good.pdf" ] || printf 'placeholder, not a PDF\n' > "$TMP/good.pdf"

# ---- malformed and invalid papers -----------------------------------------

bad "unclosed tag" 1 \
	'unclosed-tag\.xml:10:[0-9]+: error: Opening and ending tag mismatch: p line 9 and section' \
	"$BAD/unclosed-tag.xml"
keep "unclosed tag" "$BAD/unclosed-tag.xml"

bad "unknown element" 1 'unknown-element\.xml:10:5: error: .*\bmarquee\b' \
	"$BAD/unknown-element.xml"

bad "missing <title> in <front>" 1 \
	'missing-title\.xml:3:3: error: <front> has no <title>' "$BAD/missing-title.xml"

bad "dangling ref" 1 "dangling-ref\\.xml:10:23: error: <ref> points at unknown id 'nope'" \
	"$BAD/dangling-ref.xml"

bad "ref one letter off" 1 "ref-typo\\.xml:12:23: error: <ref> points at unknown id 'budgat'" \
	"$BAD/ref-typo.xml"
check "ref one letter off: did-you-mean hint follows the error" sh -c \
	"grep -A1 \"error: <ref> points at unknown id 'budgat'\" \"\$1\" | grep -q \"^  hint: did you mean 'budget'?\$\"" \
	sh "$TMP/err"

bad "duplicate id" 1 "duplicate-id\\.xml:12:5: error: duplicate id 'para'" "$BAD/duplicate-id.xml"
expect_err "duplicate id: note points at the first use" \
	"duplicate-id\\.xml:9:5: note: 'para' was first used here"
keep "duplicate id" "$BAD/duplicate-id.xml"

bad "recommendation without text" 1 \
	'empty-recommendation\.xml:10:5: error: <recommendation> must have text' \
	"$BAD/empty-recommendation.xml"

bad "meeting date 2010-02-30" 1 \
	"bad-date\\.xml:6:5: error: meeting date '2010-02-30' is not a real date" "$BAD/bad-date.xml"

# ---- hostile XML ----------------------------------------------------------

bad "external file entity" 1 'xxe-file\.xml:2:1: error: DOCTYPE declarations are not allowed' \
	"$BAD/xxe-file.xml"
lacks "external file entity: passwd not on stderr" "$TMP/err" "$PASSWD_LINE"
lacks "external file entity: passwd not on stdout" "$TMP/out" "$PASSWD_LINE"
keep "external file entity" "$BAD/xxe-file.xml"

# The http entity points at a local listener that records any connection.
rm -f "$TMP/port" "$TMP/hit"
python3 -c '
import os, socket, sys
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(5)
s.settimeout(30)
open(sys.argv[1] + ".new", "w").write(str(s.getsockname()[1]))
os.rename(sys.argv[1] + ".new", sys.argv[1])
try:
    c, _ = s.accept()
    open(sys.argv[2], "w").write("connection\n")
except socket.timeout:
    pass
' "$TMP/port" "$TMP/hit" &
listener=$!
i=0
while [ ! -s "$TMP/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
port=$(cat "$TMP/port" 2>/dev/null)
sed "s/PORT/${port:-9}/" "$BAD/xxe-http.xml" > "$TMP/xxe-http.xml"
bad "http external entity" 1 'xxe-http\.xml:3:1: error: DOCTYPE declarations are not allowed' \
	"$TMP/xxe-http.xml"
sleep 0.3
if [ -z "$port" ]; then
	fail "http external entity: nothing fetched" "the local listener did not start"
elif [ -e "$TMP/hit" ]; then
	fail "http external entity: nothing fetched" "boardc connected to 127.0.0.1:$port"
else
	pass "http external entity: nothing fetched"
fi
kill "$listener" 2>/dev/null
wait "$listener" 2>/dev/null

t0=$(now_ms)
bad "billion laughs" 1 'billion-laughs\.xml:2:1: error: DOCTYPE declarations are not allowed' \
	"$BAD/billion-laughs.xml"
t=$(($(now_ms) - t0))
if [ "$t" -lt 5000 ]; then pass "billion laughs: quick (${t} ms)"; else
	fail "billion laughs: quick" "took ${t} ms"; fi

t0=$(now_ms)
bad "parameter-entity bomb" 1 \
	'parameter-entity-bomb\.xml:2:1: error: DOCTYPE declarations are not allowed' \
	"$BAD/parameter-entity-bomb.xml"
t=$(($(now_ms) - t0))
if [ "$t" -lt 5000 ]; then pass "parameter-entity bomb: quick (${t} ms)"; else
	fail "parameter-entity bomb: quick" "took ${t} ms"; fi

bad "xi:include" 1 'xinclude\.xml:10:5: error: .*\binclude\b' "$BAD/xinclude.xml"
lacks "xi:include: passwd not read" "$TMP/err" "$PASSWD_LINE"

# ---- not a paper at all ---------------------------------------------------

bad "empty file" 1 'empty\.xml: error: file is empty' "$BAD/empty.xml"

bad "whitespace-only file" 1 'whitespace-only\.xml:4:1: error: Start tag expected' \
	"$BAD/whitespace-only.xml"

bad "Latin-1 bytes" 1 'latin1\.xml:4:19: error: Input is not proper UTF-8' "$BAD/latin1.xml"

gzip -c "$BAD/valid.xml" > "$TMP/compressed.xml"
bad "gzip-compressed paper" 1 'compressed\.xml:1:1: error: file is gzip-compressed' \
	"$TMP/compressed.xml"

bad "root without the boardc namespace" 1 \
	'no-namespace\.xml:2:1: error: root element <paper> is not in the boardc namespace' \
	"$BAD/no-namespace.xml"
expect_err "root without the boardc namespace: hint mentions xmlns" \
	'^  hint: .*xmlns="urn:x-boardc:paper:1"'

bad "javascript: link" 1 \
	"javascript-link\\.xml:9:25: error: link 'javascript:alert\\(1\\)' is not an http\\(s\\) or mailto address" \
	"$BAD/javascript-link.xml"
keep "javascript: link" "$BAD/javascript-link.xml"

bad "image outside the folder" 1 \
	"image-outside\\.xml:13:7: error: image '\\.\\./outside\\.png' must be a relative path inside the paper's folder" \
	"$BAD/image-outside.xml"

# ---- limits ---------------------------------------------------------------

# One paragraph of 10,000,000 bytes: over the 1 MiB text limit, a resource
# limit, so exit 3 (I/O or resource error), like the input-size limit.
python3 - "$TMP/big-paragraph.xml" <<'EOF'
import sys
words = "the council notes the budget report and agrees the plan "
n = 10_000_000
body = (words * (n // len(words) + 1))[:n]
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<paper xmlns="urn:x-boardc:paper:1">\n'
            '  <front>\n    <committee>Audit Committee</committee>\n'
            '    <meeting date="2024-05-14"/>\n    <title>Huge paragraph</title>\n'
            '  </front>\n  <section id="intro" title="Introduction">\n    <p id="big">')
    f.write(body)
    f.write('</p>\n  </section>\n</paper>\n')
EOF
bad "10 MB paragraph" 3 \
	'big-paragraph\.xml:9: error: text of <p> is 10000000 bytes; the limit is 1048576' \
	"$TMP/big-paragraph.xml"
keep "10 MB paragraph" "$TMP/big-paragraph.xml"
rm -f "$TMP/big-paragraph.xml"

python3 - "$BAD/valid.xml" "$TMP/oversize.xml" <<'EOF'
import sys
paper = open(sys.argv[1]).read()
pad = "<!--" + "x" * (17 << 20) + "-->\n"
open(sys.argv[2], "w").write(paper.replace("</paper>", pad + "</paper>"))
EOF
size=$(wc -c < "$TMP/oversize.xml" | tr -d ' ')
bad "file over 16 MiB" 3 "oversize\\.xml: error: file is $size bytes; the limit is 16777216" \
	"$TMP/oversize.xml"
keep "file over 16 MiB" "$TMP/oversize.xml"
rm -f "$TMP/oversize.xml"

size=$(wc -c < "$BAD/valid.xml" | tr -d ' ')
bad "--max-input-bytes below the file size" 3 \
	"valid\\.xml: error: file is $size bytes; the limit is 100" \
	"$BAD/valid.xml" --max-input-bytes 100

bad "nonexistent input" 3 'no-such-paper\.xml: error: cannot open: No such file or directory' \
	"$TMP/no-such-paper.xml"

# ---- command line ---------------------------------------------------------

cp "$BAD/valid.xml" "$TMP/same.xml"
run_boardc build "$TMP/same.xml" -o "$TMP/same.xml"
expect_rc "output path = input path: exit 2" 2
expect_err "output path = input path: diagnostic" "output '.*same\\.xml' would overwrite the input"
check "output path = input path: input unchanged" cmp "$BAD/valid.xml" "$TMP/same.xml"
if stray_temp > /dev/null; then
	fail "output path = input path: no temporary file" "$(stray_temp)"
else pass "output path = input path: no temporary file"; fi

bad "unknown option" 2 "unknown option '--frobnicate'" "$BAD/valid.xml" --frobnicate

run_boardc
expect_rc "no arguments: exit 2" 2
expect_err "no arguments: diagnostic" 'no command given'
expect_err "no arguments: usage shown" '^usage: boardc '

run_boardc build --help
expect_rc "build --help: exit 0" 0
expect_out "build --help: mentions exit status" '^exit status: 0 success, 1 invalid input, 2 usage error, 3 I/O or resource error'

run_boardc --version
expect_rc "--version: exit 0" 0
expect_out "--version: prints the version" '^boardc [0-9]+\.[0-9]+\.[0-9]+'

sde_set=${SOURCE_DATE_EPOCH+x} sde_old=${SOURCE_DATE_EPOCH-}
SOURCE_DATE_EPOCH=notanumber
export SOURCE_DATE_EPOCH
bad "SOURCE_DATE_EPOCH=notanumber" 2 "SOURCE_DATE_EPOCH 'notanumber' is not a number of seconds" \
	"$BAD/valid.xml"
keep "SOURCE_DATE_EPOCH=notanumber" "$BAD/valid.xml"
if [ -n "$sde_set" ]; then SOURCE_DATE_EPOCH=$sde_old; else unset SOURCE_DATE_EPOCH; fi

# ---- large inputs that must build -----------------------------------------

{
	paper_head "Long table"
	printf '%s\n' '    <table id="t-long">' '      <caption>Five thousand rows</caption>' \
		'      <thead><tr><th>Reference</th><th>Amount</th><th>Description</th></tr></thead>' \
		'      <tbody>'
	awk 'BEGIN { for (i = 1; i <= 5000; i++)
		printf "      <tr><td>Row%05d</td><td>%d</td><td>Line item %d of the ledger</td></tr>\n", i, i * 7, i }'
	printf '%s\n' '      </tbody>' '    </table>'
	paper_tail
} > "$TMP/table.xml"
good "5,000-row table" "$TMP/table.xml"
contains "5,000-row table: first row" "$TMP/5,000-row table.txt" "Row00001 7 Line item 1 of the ledger"
contains "5,000-row table: last row" "$TMP/5,000-row table.txt" "Row05000 35000 Line item 5000 of the ledger"
n=$(pages "$TMP/5,000-row table.pdf")
if [ "${n:-0}" -gt 50 ]; then pass "5,000-row table: $n pages (> 50)"; else
	fail "5,000-row table: more than 50 pages" "pdfinfo says ${n:-none}"; fi
pdftotext -enc UTF-8 -f "${n:-1}" -l "${n:-1}" "$TMP/5,000-row table.pdf" - 2>/dev/null |
	tr -s ' \n\t\f' '    ' > "$TMP/lastpage.txt"
contains "5,000-row table: header row repeated on the last page" "$TMP/lastpage.txt" \
	"Reference Amount Description"
contains "5,000-row table: last row on the last page" "$TMP/lastpage.txt" "Row05000"

python3 - "$TMP/word.txt" <<'EOF'
import random, string, sys
r = random.Random(3000)
open(sys.argv[1], "w").write("".join(r.choice(string.ascii_letters) for _ in range(3000)))
EOF
word=$(cat "$TMP/word.txt")
{
	paper_head "Long word"
	printf '    <p id="w">Before %s after.</p>\n' "$word"
	paper_tail
} > "$TMP/word.xml"
good "3,000-letter word" "$TMP/word.xml"
body_text "$TMP/3,000-letter word.pdf" > "$TMP/word-body.txt"
contains "3,000-letter word: every letter survives" "$TMP/word-body.txt" "Before${word}after."

python3 - "$TMP/para.xml" "$TMP/para-words" <<'EOF'
import sys
vocab = "council budget approve members report finance officer ward committee review".split()
words, n, i = [], 0, 0
while n < 300000:
    w = "%s%d" % (vocab[i % len(vocab)], i)
    words.append(w)
    n += len(w) + 1
    i += 1
text = " ".join(words)
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<paper xmlns="urn:x-boardc:paper:1">\n'
            '  <front>\n    <committee>Audit Committee</committee>\n'
            '    <meeting date="2024-05-14"/>\n    <title>Long paragraph</title>\n'
            '  </front>\n  <section id="intro" title="Introduction">\n'
            '    <p id="para">' + text + '</p>\n  </section>\n</paper>\n')
open(sys.argv[2], "w").write("%s %s %s\n" % (words[len(words) // 2 - 1],
                                             words[len(words) // 2], words[-1]))
EOF
read -r mid1 mid2 last < "$TMP/para-words"
good "300,000-character paragraph" "$TMP/para.xml"
contains "300,000-character paragraph: middle words" "$TMP/300,000-character paragraph.txt" \
	"$mid1 $mid2 "
contains "300,000-character paragraph: last word" "$TMP/300,000-character paragraph.txt" \
	" $last "

cellword=$(python3 -c '
import random, string
r = random.Random(500)
print("".join(r.choice(string.ascii_uppercase + string.digits) for _ in range(500)))')
{
	paper_head "Long cell word"
	printf '    <table id="t-cell"><tbody><tr><td>Left</td><td>%s</td><td>Right</td></tr></tbody></table>\n' \
		"$cellword"
	paper_tail
} > "$TMP/cell.xml"
good "500-character word in a cell" "$TMP/cell.xml"
body_text "$TMP/500-character word in a cell.pdf" > "$TMP/cell-body.txt"
contains "500-character word in a cell: text present" "$TMP/cell-body.txt" "Left${cellword}Right"

{
	paper_head "Carriage returns"
	printf '%s\n' '    <p id="p-crlf">First line of the paragraph' \
		'      continues on a second line.</p>'
	paper_tail
} | sed 's/$/\r/' > "$TMP/crlf.xml"
if grep -q "$(printf '\r')\$" "$TMP/crlf.xml"; then
	good "CRLF line endings" "$TMP/crlf.xml"
	contains "CRLF line endings: text present" "$TMP/CRLF line endings.txt" \
		"First line of the paragraph continues on a second line."
	contains "CRLF line endings: title present" "$TMP/CRLF line endings.txt" "Carriage returns"
else
	fail "CRLF line endings" "the generated fixture has no CR"
fi

{
	printf '\357\273\277'
	paper_head "Byte order mark"
	printf '%s\n' '    <p id="p-bom">A paper saved with a BOM.</p>'
	paper_tail
} > "$TMP/bom.xml"
good "UTF-8 BOM" "$TMP/bom.xml"
contains "UTF-8 BOM: text present" "$TMP/UTF-8 BOM.txt" "A paper saved with a BOM."
contains "UTF-8 BOM: title present" "$TMP/UTF-8 BOM.txt" "Byte order mark"

# ---- a full disk ----
# Standard output on /dev/full: every write fails. The PDF is finished on a
# thread of its own (pdf_pipe.c); its failure must still stop the run with
# the I/O exit status and say why, for a paper and for a pack.
if [ -w /dev/full ]; then
	RC=0
	"$BOARDC" build "$SAMPLES/barnet-integrated-commissioning.xml" -o - > /dev/full 2> "$TMP/err" || RC=$?
	expect_rc "full disk (build): exit 3" 3
	expect_err "full disk (build): says the write failed" "writing the PDF failed \(disk full\?\)"
	RC=0
	"$BOARDC" pack "$SAMPLES/packs/hwbb-2012-07-26/agenda.xml" -j2 -o - > /dev/full 2> "$TMP/err" || RC=$?
	expect_rc "full disk (pack -j2): exit 3" 3
	expect_err "full disk (pack -j2): says writing to standard output failed" "^standard output: error: writing the PDF failed \(disk full\?\)"
fi

# ---- a device or a pipe as the output ----
# Written in place, not renamed over: -o /dev/null must leave /dev/null a
# device. Tested with a FIFO (safe to replace if this breaks): it must still
# be a FIFO afterwards, and its reader must get the whole PDF.
rm -f "$TMP/fifo" "$TMP/fifo.pdf"
if mkfifo "$TMP/fifo" 2> /dev/null; then
	timeout 60 cat "$TMP/fifo" > "$TMP/fifo.pdf" &
	reader=$!
	run_boardc build "$SAMPLES/barnet-integrated-commissioning.xml" -o "$TMP/fifo"
	wait "$reader"
	expect_rc "FIFO output: exit 0" 0
	check "FIFO output: still a FIFO" test -p "$TMP/fifo"
	check "FIFO output: the reader got a whole PDF" qpdf --check "$TMP/fifo.pdf"
	check "FIFO output: no temporary file" sh -c "! ls '$TMP'/.boardc-* 2> /dev/null"
fi
