#!/usr/bin/env python3
"""gen.py - helpers for the pathological-input suite (tests/e2e/pathological.sh).

  gen.py png OUT W H [truncate]   a small RGB PNG whose header declares W x H
                                  pixels (its data is a few rows only when W x H
                                  is large); "truncate" cuts the file in half
  gen.py pngbomb OUT W H          a complete W x H PNG of white pixels: a small
                                  file that decodes to W * H * 4 bytes
  gen.py listen PORTFILE HITFILE SECONDS
                                  listen on 127.0.0.1, write the port to PORTFILE,
                                  create HITFILE if anything connects
  gen.py utf8 FILE                exit 1 (saying where) unless FILE is valid UTF-8
  gen.py text PDF                 the PDF's text (pdftotext), invisible characters
                                  (zero-width, bidi controls, soft hyphen, BOM)
                                  removed, whitespace folded to single spaces
  gen.py body PDF                 the same, without the running header and footer
                                  of the generated papers and with no whitespace
                                  at all, so a word broken over lines reads whole
  gen.py links PDF                every link annotation's URI, one a line, as
                                  qpdf decodes it

Standard library only.
"""
import json
import os
import re
import socket
import struct
import subprocess
import sys
import zlib

# Zero-width and format characters go; the bidi embedding marks pdftotext
# puts around right-to-left runs become spaces (it writes them where the
# space between the run and its neighbour was).
INVISIBLE = dict.fromkeys([0x00AD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF])
INVISIBLE.update(dict.fromkeys([0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068,
                                0x2069], " "))


def chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data +
            struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def png_bytes(w, h, idat):
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def cmd_png(out, w, h, mode=""):
    w, h = int(w), int(h)
    rows = min(h, 64)
    raw = b"".join(b"\x00" + b"\x12\x43\x6d" * min(w, 4096) for _ in range(rows))
    data = png_bytes(w, h, zlib.compress(raw))
    if mode == "truncate":
        data = data[:len(data) // 2]
    open(out, "wb").write(data)


def cmd_pngbomb(out, w, h):
    w, h = int(w), int(h)
    co = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * (3 * w)
    idat = b"".join(co.compress(row) for _ in range(h)) + co.flush()
    open(out, "wb").write(png_bytes(w, h, idat))


def cmd_listen(portfile, hitfile, seconds):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(16)
    s.settimeout(float(seconds))
    open(portfile + ".new", "w").write(str(s.getsockname()[1]))
    os.rename(portfile + ".new", portfile)
    try:
        while True:
            c, _ = s.accept()
            open(hitfile, "a").write("connection\n")
            c.close()
    except (socket.timeout, OSError):
        pass


def cmd_utf8(path):
    data = open(path, "rb").read()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        sys.exit("byte %d (line %d) is not UTF-8: %r" % (e.start, line, data[max(0, e.start - 20):e.end + 4]))


def pdf_text(pdf):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True).stdout
    return out.decode("utf-8", "replace").translate(INVISIBLE)


def cmd_text(pdf):
    sys.stdout.write(" ".join(pdf_text(pdf).split()) + "\n")


def cmd_body(pdf):
    keep = []
    for line in pdf_text(pdf).replace("\f", "\n").split("\n"):
        s = line.strip()
        if re.fullmatch(r"Page \d+ of \d+", s) or s == "Audit Committee · 14 May 2024":
            continue
        keep.append(s)
    sys.stdout.write(re.sub(r"\s+", "", "".join(keep)) + "\n")


def cmd_links(pdf):
    data = json.loads(subprocess.run(["qpdf", "--json", pdf], check=True,
                                     capture_output=True).stdout)
    objects = data["qpdf"][1]
    for key in sorted(objects):
        v = objects[key].get("value")
        if isinstance(v, dict) and v.get("/Subtype") == "/Link":
            a = v.get("/A")
            if isinstance(a, str) and a.endswith(" R"):
                a = objects.get("obj:" + a, {}).get("value", {})
            if isinstance(a, dict) and "/URI" in a:
                uri = a["/URI"]
                print(uri[2:] if uri.startswith("u:") else uri)


def main():
    cmds = {"png": cmd_png, "pngbomb": cmd_pngbomb, "listen": cmd_listen, "utf8": cmd_utf8,
            "text": cmd_text, "body": cmd_body, "links": cmd_links}
    if len(sys.argv) < 2 or sys.argv[1] not in cmds:
        sys.exit(__doc__)
    cmds[sys.argv[1]](*sys.argv[2:])


if __name__ == "__main__":
    main()
