# The same paper (decimals in text and charts, a date, money) built under
# LC_ALL=C.UTF-8 and LC_ALL=de_DE.UTF-8 (decimal comma): the same bytes
# (docs/usage.md).
DESC="LC_ALL=de_DE.UTF-8 against C.UTF-8"
run_case() {
	if [ "$(LC_ALL=de_DE.UTF-8 locale decimal_point 2>/dev/null)" != "," ]; then
		skip "the de_DE.UTF-8 locale is not installed"
		return 0
	fi
	mkdir -p out
	RUN_ENV="LC_ALL=C.UTF-8"
	bc_run build paper.xml -o out/c.pdf
	want_exit 0
	RUN_ENV="LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8"
	bc_run build paper.xml -o out/de.pdf
	want_exit 0
	want_pdf out/de.pdf
	cmp -s out/c.pdf out/de.pdf || bad "the de_DE.UTF-8 PDF differs from the C.UTF-8 one: $(cmp out/c.pdf out/de.pdf 2>&1 | head -c 120)"
	TEXT="£1,234.56
3.5%
£1,234.5m
3.3"
	want_text out/de.pdf
	want_utf8_stderr
}
