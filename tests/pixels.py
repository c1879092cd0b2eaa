#!/usr/bin/env python3
"""pixels.py - read a rendered page's pixels for chart tests.

    import pixels
    img = pixels.page("out.pdf", page=1, dpi=72)          # colour
    img = pixels.page("out.pdf", page=1, dpi=72, gray=True)
    img.width, img.height, img.at(x, y) -> (r, g, b) or grey level
    img.runs_x(y, pred) -> [(x0, x1), ...] horizontal runs where pred(pixel)

Renders with pdftoppm into PPM/PGM (trivial formats) and parses them with
the standard library only. Coordinates are pixels; at dpi=72 one pixel is
one PDF point.
"""
import os
import subprocess
import tempfile


class Image:
    def __init__(self, width, height, channels, data):
        self.width, self.height, self.channels, self.data = width, height, channels, data

    def at(self, x, y):
        i = (y * self.width + x) * self.channels
        if self.channels == 1:
            return self.data[i]
        return tuple(self.data[i:i + 3])

    def runs_x(self, y, pred):
        runs, start = [], None
        for x in range(self.width):
            hit = pred(self.at(x, y))
            if hit and start is None:
                start = x
            elif not hit and start is not None:
                runs.append((start, x - 1))
                start = None
        if start is not None:
            runs.append((start, self.width - 1))
        return runs

    def runs_y(self, x, pred):
        runs, start = [], None
        for y in range(self.height):
            hit = pred(self.at(x, y))
            if hit and start is None:
                start = y
            elif not hit and start is not None:
                runs.append((start, y - 1))
                start = None
        if start is not None:
            runs.append((start, self.height - 1))
        return runs


def _parse(raw):
    # P5 (grey) or P6 (colour), maxval 255.
    parts, pos = [], 0
    while len(parts) < 4:
        while raw[pos:pos + 1].isspace():
            pos += 1
        if raw[pos:pos + 1] == b"#":
            while raw[pos:pos + 1] not in (b"\n", b""):
                pos += 1
            continue
        start = pos
        while not raw[pos:pos + 1].isspace():
            pos += 1
        parts.append(raw[start:pos])
    pos += 1
    magic, w, h = parts[0], int(parts[1]), int(parts[2])
    channels = 1 if magic == b"P5" else 3
    return Image(w, h, channels, raw[pos:pos + w * h * channels])


def page(pdf, page=1, dpi=72, gray=False):
    with tempfile.TemporaryDirectory() as d:
        prefix = os.path.join(d, "p")
        args = ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page)]
        args += ["-gray"] if gray else []
        subprocess.run(args + [pdf, prefix], check=True)
        name = [f for f in os.listdir(d)][0]
        with open(os.path.join(d, name), "rb") as f:
            return _parse(f.read())
