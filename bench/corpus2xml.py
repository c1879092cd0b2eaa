#!/usr/bin/env python3
"""Convert the benchmark corpus line format into boardc XML papers.

    corpus2xml.py [--repeat N ...] INPUT.txt OUTDIR

Input lines are tab separated (see ../shared/bench/floor.c):
    T council | S title | F label value | H heading | P num text | B bullet |
    C caption | TH align cells.. | TR cells.. | TT cells.. | TE |
    G caption | GB label value | GE | N (next paper)

Output:
    one paper     -> OUTDIR/<input name>.xml               (paper.txt -> paper.xml)
    several (N)   -> OUTDIR/pack-01.xml ... pack-NN.xml, and OUTDIR/pack-all.xml:
                     the first paper's front sheet, then every paper as an appendix
                     (appendices restart section numbering, so paragraph numbers stay
                     1.1 ... 12.n as in the corpus), each opening with its front-sheet
                     details as a table.
    --repeat N    -> also <name>-xN.xml for each single paper written: the front sheet
                     once, the body sections N times (for linearity measurements).

Mapping: headings become numbered <section>s (boardc numbers them; the corpus numbers are
checked against boardc's hierarchical numbering and dropped); "Table N: " / "Figure N: "
caption prefixes are dropped for the same reason. Totals rows go to <tfoot><tr total="yes">.
The bar chart becomes a <figure> holding a horizontal bar <chart>; boardc adds the data to the
text alternative.
"""
import datetime
import os
import re
import sys
from xml.sax.saxutils import escape

NS = "urn:x-boardc:paper:1"
ALIGN = {"l": "left", "r": "right", "c": "center"}
_BAD_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def text(s):
    return escape(_BAD_XML_CHARS.sub("", s))


def attr(s):
    return '"' + escape(_BAD_XML_CHARS.sub("", s), {'"': "&quot;", "\n": "&#10;", "\t": "&#9;"}) + '"'


class CorpusError(Exception):
    pass


# ------------------------------------------------------------------ parsing
def parse(path):
    """Return a list of papers: dict(council, title, front=[(label, value)], sections=[(title, blocks)])."""
    papers = []
    paper = table = chart = None

    def new_paper():
        p = {"council": None, "title": None, "front": [], "sections": []}
        papers.append(p)
        return p

    def blocks(lineno):
        if not paper["sections"]:
            raise CorpusError(f"{path}:{lineno}: content before the first heading")
        return paper["sections"][-1][1]

    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line:
                continue
            kind, *fields = line.split("\t")
            if paper is None or kind == "N":
                paper = new_paper()
                if kind == "N":
                    continue
            if table is not None and kind not in ("TH", "TR", "TT", "TE"):
                raise CorpusError(f"{path}:{lineno}: table not closed by TE")
            if chart is not None and kind not in ("GB", "GE"):
                raise CorpusError(f"{path}:{lineno}: chart not closed by GE")
            if kind == "T":
                paper["council"] = fields[0]
            elif kind == "S":
                paper["title"] = fields[0]
            elif kind == "F":
                paper["front"].append((fields[0], fields[1]))
            elif kind == "H":
                m = re.match(r"(\d+)\s+(.*)", fields[0])
                number, title = (m.group(1), m.group(2)) if m else (None, fields[0])
                if number is not None and int(number) != len(paper["sections"]) + 1:
                    raise CorpusError(f"{path}:{lineno}: heading number {number} is not sequential")
                paper["sections"].append((title, []))
            elif kind == "P":
                number, body = fields[0], fields[1]
                b = blocks(lineno)
                expected = f"{len(paper['sections'])}.{sum(1 for x in b if x[0] == 'p') + 1}"
                if number != expected:
                    raise CorpusError(f"{path}:{lineno}: paragraph {number} would be numbered {expected}")
                b.append(("p", body))
            elif kind == "B":
                b = blocks(lineno)
                if b and b[-1][0] == "ul":
                    b[-1][1].append(fields[0])
                else:
                    b.append(("ul", [fields[0]]))
            elif kind == "C":
                table = {"caption": fields[0], "align": "", "head": None, "rows": [], "total": []}
            elif kind in ("TH", "TR", "TT"):
                if table is None:
                    table = {"caption": None, "align": "", "head": None, "rows": [], "total": []}
                if kind == "TH":
                    table["align"], table["head"] = fields[0], fields[1:]
                else:
                    table["rows" if kind == "TR" else "total"].append(fields)
            elif kind == "TE":
                if table is None:
                    raise CorpusError(f"{path}:{lineno}: TE without a table")
                blocks(lineno).append(("table", table))
                table = None
            elif kind == "G":
                chart = {"caption": fields[0], "bars": []}
            elif kind == "GB":
                chart["bars"].append((fields[0], fields[1]))
            elif kind == "GE":
                blocks(lineno).append(("chart", chart))
                chart = None
            else:
                raise CorpusError(f"{path}:{lineno}: unknown line kind {kind!r}")
    return papers


# ------------------------------------------------------------------ writing
def strip_label(caption, word):
    """'Table 1: Net revenue' -> 'Net revenue' (boardc numbers captioned tables and figures)."""
    return re.sub(rf"^{word}\s+\d+\s*[:.]\s*", "", caption)


def cells(tag, values, aligns):
    out = []
    for i, v in enumerate(values):
        a = aligns[i] if i < len(aligns) else "left"
        out.append(f"<{tag}" + (f' align="{a}"' if a != "left" else "") + f">{text(v)}</{tag}>")
    return "".join(out)


def table_xml(t, ind):
    aligns = [ALIGN.get(c, "left") for c in t["align"]]
    ncols = max([len(aligns)] + [len(r) for r in t["rows"] + t["total"]])
    aligns += ["left"] * (ncols - len(aligns))
    L = [f"{ind}<table>"]
    if t["caption"]:
        L.append(f"{ind}  <caption>{text(strip_label(t['caption'], 'Table'))}</caption>")
    L += [f'{ind}  <col align="{a}"/>' for a in aligns]
    if t["head"]:
        L.append(f"{ind}  <thead><tr>{cells('th', t['head'], aligns)}</tr></thead>")
    L.append(f"{ind}  <tbody>")
    L += [f"{ind}    <tr>{cells('td', r, aligns)}</tr>" for r in t["rows"]]
    L.append(f"{ind}  </tbody>")
    if t["total"]:
        L.append(f"{ind}  <tfoot>")
        L += [f'{ind}    <tr total="yes">{cells("td", r, aligns)}</tr>' for r in t["total"]]
        L.append(f"{ind}  </tfoot>")
    L.append(f"{ind}</table>")
    return L


def chart_xml(c, ind):
    caption = strip_label(c["caption"], "Figure")
    L = [f"{ind}<figure>",
         f"{ind}  <caption>{text(caption)}</caption>",
         f"{ind}  <alt>Horizontal bar chart: {text(caption)}.</alt>",
         f'{ind}  <chart type="bar" orientation="horizontal">']
    L += [f"{ind}    <point label={attr(label)} value={attr(value)}/>" for label, value in c["bars"]]
    L += [f"{ind}  </chart>", f"{ind}</figure>"]
    return L


def block_xml(b, ind):
    if b[0] == "p":
        return [f"{ind}<p>{text(b[1])}</p>"]
    if b[0] == "ul":
        return [f"{ind}<ul>"] + [f"{ind}  <li>{text(i)}</li>" for i in b[1]] + [f"{ind}</ul>"]
    if b[0] == "table":
        return table_xml(b[1], ind)
    return chart_xml(b[1], ind)


def sections_xml(sections, ind):
    L = []
    for title, blocks in sections:
        L.append(f"{ind}<section title={attr(title)}>")
        for b in blocks:
            L += block_xml(b, ind + "  ")
        L.append(f"{ind}</section>")
    return L


def iso_date(s):
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.datetime.strptime(s.strip(), fmt).date().isoformat()
        except ValueError:
            pass
    raise CorpusError(f"cannot read date {s!r}")


def person_xml(value, ind):
    parts = [p.strip() for p in value.split(",") if p.strip()]
    name, rest = parts[0], parts[1:]
    email = [p for p in rest if "@" in p]
    phone = [p for p in rest if re.fullmatch(r"[+\d][\d ()-]{5,}", p)]
    post = [p for p in rest if p not in email and p not in phone]
    L = [f"<name>{text(name)}</name>"]
    if post:
        L.append(f"<post>{text(', '.join(post))}</post>")
    if phone:
        L.append(f"<phone>{text(phone[0])}</phone>")
    if email:
        L.append(f"<email>{text(email[0])}</email>")
    return f"{ind}<contact>" + "".join(L) + "</contact>"


def front_xml(p, ind):
    f = dict(p["front"])
    unknown = set(f) - {"Meeting", "Date", "Title", "Report of", "Contact", "Wards", "Key decision",
                        "Classification"}
    if unknown:
        raise CorpusError(f"no mapping for front-sheet field(s) {sorted(unknown)}")
    title = p["title"] or f.get("Title")
    if not title or "Meeting" not in f or "Date" not in f:
        raise CorpusError("front sheet needs a title, Meeting and Date")
    L = [f"{ind}<front>"]
    i = ind + "  "
    if p["council"]:
        L.append(f"{i}<organisation>{text(p['council'])}</organisation>")
    L.append(f"{i}<committee>{text(f['Meeting'])}</committee>")
    L.append(f'{i}<meeting date="{iso_date(f["Date"])}"/>')
    L.append(f"{i}<title>{text(title)}</title>")
    if f.get("Title") and f["Title"] != title:
        L.append(f"{i}<subtitle>{text(f['Title'])}</subtitle>")
    if "Report of" in f:
        L.append(f"{i}<report-of>{text(f['Report of'])}</report-of>")
    if "Contact" in f:
        L.append(person_xml(f["Contact"], i))
    if "Wards" in f:
        L.append(f"{i}<wards>{text(f['Wards'])}</wards>")
    if "Key decision" in f:
        kd = f["Key decision"]
        key = "yes" if kd.lower().startswith("yes") else "no"
        m = re.search(r"reference\s+(\S+)", kd)
        ref = f" forward-plan-ref={attr(m.group(1))}" if m else ""
        L.append(f'{i}<decision type="for-information" key="{key}"{ref}/>')
    cls = f.get("Classification", "Open")
    if cls.lower() not in ("open", "public"):
        m = re.search(r"paragraph\s+(\d+)", cls)
        if not m:
            raise CorpusError(f"no exempt paragraph in classification {cls!r}")
        L.append(f'{i}<exempt paragraph="{m.group(1)}">{text(cls)}</exempt>')
    L.append(f"{ind}</front>")
    return L


def document(front, body):
    return "\n".join(['<?xml version="1.0" encoding="UTF-8"?>', f'<paper xmlns="{NS}" lang="en-GB">']
                     + front + body + ["</paper>", ""])


def paper_xml(p, repeat=1):
    return document(front_xml(p, "  "), sections_xml(p["sections"] * repeat, "  "))


def pack_xml(papers):
    """All papers in one document: the first front sheet, then each paper as an appendix."""
    body = []
    for p in papers:
        title = p["title"] or dict(p["front"]).get("Title", "")
        body.append(f"  <appendix title={attr(title)}>")
        if p["council"]:
            body.append(f'    <p numbered="no"><strong>{text(p["council"])}</strong></p>')
        if p["front"]:
            rows = "".join(f"<tr><th>{text(k)}</th><td>{text(v)}</td></tr>" for k, v in p["front"])
            body.append(f"    <table><tbody>{rows}</tbody></table>")
        body += sections_xml(p["sections"], "    ")
        body.append("  </appendix>")
    return document(front_xml(papers[0], "  "), body)


def write(path, content):
    with open(path, "w", encoding="utf-8") as f:
        f.write(content)


def main(argv):
    repeats, args = [], []
    it = iter(argv)
    for a in it:
        if a == "--repeat":
            repeats.append(int(next(it, "0")))
        elif a.startswith("--repeat="):
            repeats.append(int(a.split("=", 1)[1]))
        else:
            args.append(a)
    if len(args) != 2 or any(n < 1 for n in repeats):
        sys.exit("usage: corpus2xml.py [--repeat N ...] INPUT.txt OUTDIR")
    src, outdir = args
    try:
        papers = parse(src)
        if not papers:
            raise CorpusError(f"{src}: no content")
        os.makedirs(outdir, exist_ok=True)
        if len(papers) == 1:
            names = [os.path.splitext(os.path.basename(src))[0]]
        else:
            width = max(2, len(str(len(papers))))
            names = [f"pack-{i:0{width}d}" for i in range(1, len(papers) + 1)]
            write(os.path.join(outdir, "pack-all.xml"), pack_xml(papers))
        for name, p in zip(names, papers):
            write(os.path.join(outdir, name + ".xml"), paper_xml(p))
            for n in repeats:
                write(os.path.join(outdir, f"{name}-x{n}.xml"), paper_xml(p, n))
    except (CorpusError, IndexError, KeyError, TypeError) as e:
        sys.exit(f"corpus2xml: {e}")


if __name__ == "__main__":
    main(sys.argv[1:])
