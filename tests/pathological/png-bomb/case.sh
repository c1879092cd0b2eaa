# A complete 12000 x 12000 PNG in about 450 kB that decodes to 576 MB. A
# paper's image has at most 50 million pixels (docs/format.md): refused from
# its header, before anything decodes it, with an error naming the image,
# in bounded time and memory. (It used to build, at 600 MB of memory.)
DESC="a 450 kB PNG that decodes to 12000 x 12000 pixels"
RC=1
ERR="^paper\\.xml:12:7: error: image 'hall\\.png' is 12000 x 12000 pixels; the limit is 50 million$"
LIMIT=10
prepare() {
	python3 "$GEN" pngbomb hall.png 12000 12000
}
verify() {
	bc_run_rss build paper.xml -o out/out.pdf
	[ "$RSS_KB" -le 131072 ] || bad "peak memory $((RSS_KB / 1024)) MiB refusing the image (the bound is 128 MiB)"
}
