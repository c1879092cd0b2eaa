# Links whose addresses hold ' and \ (and parentheses), which must be
# escaped on their way into Cairo's link attributes and the PDF string:
# qpdf --check passes and each link works: its URI is the href, or the href
# with characters a URI cannot hold percent-encoded (%5C for \), never with
# characters dropped or changed.
DESC="<a href> with ' and \\ in the address"
RC=0
TEXT="See the quoted link, the backslash link and Mr O'Brien."
verify() {
	[ "$GOT" = 0 ] || return 0
	python3 "$GEN" links out/out.pdf > links.txt
	python3 -c '
import sys, urllib.parse
got = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
for want in sys.argv[2:]:
    if not any(u == want or urllib.parse.unquote(u) == want for u in got):
        print("no link to %s (links: %s)" % (want, " ".join(got)))
' links.txt "https://example.org/it's/a?q='x'&r=(1)" \
		'https://example.org/a\b\\c?q=\x' "mailto:o'brien@example.org" > missing-links.txt
	while IFS= read -r m; do bad "$m"; done < missing-links.txt
	note "URIs: $(tr '\n' ' ' < links.txt)"
}
