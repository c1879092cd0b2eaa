#!/usr/bin/env python3
"""htmlcheck.py XML HTML - checks boardc's HTML output of a paper: tags
balanced, html lang set, one h1 (the title), no skipped heading levels,
every table header cell has a scope, every chart is an <svg role="img">
with an accessible name, every <img> has alt, every word of the paper's
text is present. Prints problems; exit 1 if any. Standard library only."""
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

VOID = {"br", "meta", "img", "hr", "link", "input", "col"}


class Check(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.problems, self.text = [], [], []
        self.headings, self.lang, self.h1 = [], None, []
        self.in_svg = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg":
            self.in_svg += 1
            if a.get("role") != "img" or not a.get("aria-label"):
                self.problems.append("svg without role=img and aria-label")
        if self.in_svg:
            return
        if tag == "html":
            self.lang = a.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "th" and a.get("scope") not in ("col", "row"):
            self.problems.append("th without scope")
        if tag == "img" and not a.get("alt"):
            self.problems.append("img without alt")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg -= 1
            return
        if self.in_svg:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"unbalanced </{tag}> (open: {self.stack[-3:]})")
        else:
            self.stack.pop()

    def handle_data(self, data):
        if not self.in_svg:
            self.text.append(data)


def main():
    xml_path, html_path = sys.argv[1], sys.argv[2]
    c = Check()
    c.feed(open(html_path, encoding="utf-8").read())
    if not c.lang:
        c.problems.append("no lang on <html>")
    if c.headings.count(1) != 1:
        c.problems.append(f"{c.headings.count(1)} h1 elements")
    level = 0
    for h in c.headings:
        if h > level + 1:
            c.problems.append(f"heading skips from h{level} to h{h}")
        level = h
    ns = "{urn:x-boardc:paper:1}"
    root = ET.parse(xml_path).getroot()
    skip = set()
    for ch in root.iter(ns + "chart"):
        skip.update(ch.iter())
    text = " ".join(c.text)
    words = set(re.findall(r"\w[\w'’-]*", text))
    missing = []
    for el in root.iter():
        if el in skip or el.tag == ns + "alt":
            continue
        for chunk in (el.text, el.tail):
            for w in re.findall(r"\w[\w'’-]*", chunk or ""):
                if w not in words and w not in text:
                    missing.append(w)
    if missing:
        c.problems.append(f"{len(missing)} words missing, e.g. {missing[:8]}")
    for p in c.problems:
        print(p)
    return 1 if c.problems else 0


if __name__ == "__main__":
    sys.exit(main())
