# Arabic (joined, right-to-left) alone and inside English. The suite's
# fonts.conf has only Liberation, which has no Arabic, so this case adds
# the system's DejaVu fonts (fonts-dejavu-core) to it; the words must come
# out of pdftotext in logical order. Skipped when DejaVu is not installed.
DESC="Arabic and mixed Arabic/English text, with an Arabic font available"
RC=0
TEXT="مجلس المدينة وافق على الميزانية
The committee noted مرحبا بالعالم from the partner."
dv=/usr/share/fonts/truetype/dejavu
prepare() {
	if [ ! -f "$dv/DejaVuSans.ttf" ]; then
		skip "no $dv/DejaVuSans.ttf (fonts-dejavu-core) for Arabic"
		return 0
	fi
	mkdir -p cache
	sed "s|<dir>.*</dir>|&<dir>$dv</dir>|; s|<cachedir[^>]*>[^<]*</cachedir>|<cachedir>$W/cache</cachedir>|" \
		"$TOP/tests/fonts.conf" > fonts.conf
	RUN_ENV="FONTCONFIG_FILE=$W/fonts.conf"
	{
		paper_head "Arabic"
		printf '%s\n' '    <p>مجلس المدينة وافق على الميزانية</p>' \
			'    <p>The committee noted مرحبا بالعالم from the partner.</p>'
		paper_tail
	} > paper.xml
}
run_case() {
	grep -q "<dir>$dv</dir>" fonts.conf || bad "fonts.conf lacks $dv"
	std_case
	[ "$GOT" = 0 ] || return 0
	pdffonts out/out.pdf | grep -q DejaVuSans || bad "no DejaVu Sans in the PDF"
}
