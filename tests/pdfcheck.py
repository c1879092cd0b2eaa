#!/usr/bin/env python3
"""pdfcheck.py - read facts out of a PDF for the end-to-end tests.

  pdfcheck.py outline PDF        one line per bookmark: depth, page, y (from the
                                 page bottom), title
  pdfcheck.py links PDF          one line per link: page, then uri:... or page:N
  pdfcheck.py words XML PDF      every word of the paper's text is in the PDF
  pdfcheck.py catalog PDF        language, DisplayDocTitle, MarkInfo, XMP
  pdfcheck.py structure PDF      tagged-PDF essentials: Figure /Alt, TH /Scope, the parent tree,
                                 no skipped heading levels, links in the tree

Uses `qpdf --json` (structure) and `pdftotext` (text); standard library only.
"""
import json
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET


def qpdf_json(pdf):
    out = subprocess.run(["qpdf", "--json", pdf], check=True, capture_output=True).stdout
    return json.loads(out)


def outline(pdf):
    data = qpdf_json(pdf)

    def walk(items, depth):
        for it in items:
            dest = it.get("dest") or [None, None, 0, 0]
            y = dest[3] if len(dest) > 3 and isinstance(dest[3], (int, float)) else -1
            print(f"{depth}\t{it.get('destpageposfrom1')}\t{y:.0f}\t{it['title']}")
            walk(it.get("kids", []), depth + 1)

    walk(data.get("outlines", []), 1)


def links(pdf):
    data = qpdf_json(pdf)
    objects = data["qpdf"][1]
    page_of = {p["object"]: p["pageposfrom1"] for p in data["pages"]}

    def obj(ref):
        v = objects.get("obj:" + ref, {}).get("value")
        return v if v is not None else {}

    def resolve(v):
        return obj(v) if isinstance(v, str) and v.endswith(" R") else v

    # Named destinations: the catalog's /Names /Dests name tree.
    named = {}
    trailer = data["qpdf"][1].get("trailer", {}).get("value", {})
    catalog = resolve(trailer.get("/Root", {}))
    names = resolve(resolve(catalog.get("/Names", {})).get("/Dests", {}))

    def flatten(node):
        node = resolve(node)
        arr = node.get("/Names", [])
        for i in range(0, len(arr) - 1, 2):
            key = arr[i][2:] if arr[i].startswith("u:") else arr[i]
            named[key] = resolve(arr[i + 1])
        for kid in node.get("/Kids", []):
            flatten(kid)

    if names:
        flatten(names)

    def target(dest):
        if isinstance(dest, str):
            dest = named.get(dest[2:] if dest.startswith("u:") else dest)
        if isinstance(dest, dict):
            dest = dest.get("/D")
        return page_of.get(dest[0], "?") if dest else "?"

    for p in data["pages"]:
        annots = resolve(obj(p["object"]).get("/Annots", []))
        for a in annots or []:
            a = resolve(a)
            if a.get("/Subtype") != "/Link":
                continue
            act = resolve(a.get("/A", {}))
            dest = resolve(a.get("/Dest"))
            if act and act.get("/S") == "/URI":
                uri = act["/URI"]
                uri = uri[2:] if uri.startswith("u:") else uri
                print(f"{p['pageposfrom1']}\turi:{uri}")
            elif dest:
                print(f"{p['pageposfrom1']}\tpage:{target(dest)}")
            elif act and act.get("/S") == "/GoTo":
                print(f"{p['pageposfrom1']}\tpage:{target(resolve(act.get('/D')))}")
            else:
                print(f"{p['pageposfrom1']}\tother")


def catalog(pdf):
    """Print the catalog keys the accessibility pass sets, one per line."""
    data = qpdf_json(pdf)
    objects = data["qpdf"][1]

    def resolve(v):
        if isinstance(v, str) and v.endswith(" R"):
            return objects.get("obj:" + v, {}).get("value", {})
        return v

    root = resolve(objects["trailer"]["value"]["/Root"])
    lang = root.get("/Lang", "")
    print("lang", lang[2:] if lang.startswith("u:") else lang)
    print("displaydoctitle", resolve(root.get("/ViewerPreferences", {})).get("/DisplayDocTitle"))
    print("marked", resolve(root.get("/MarkInfo", {})).get("/Marked"))
    meta = root.get("/Metadata")
    if meta:
        stream = objects.get("obj:" + meta, {}).get("stream", {})
        print("metadata", stream.get("dict", {}).get("/Subtype"))


def structure(pdf):
    """Check the structure tree: print problems, one per line (none = ok)."""
    data = qpdf_json(pdf)
    objects = data["qpdf"][1]

    def resolve(v):
        if isinstance(v, str) and v.endswith(" R"):
            return objects.get("obj:" + v, {}).get("value", {})
        return v

    root = resolve(objects["trailer"]["value"]["/Root"])
    problems = []
    tree = resolve(root.get("/StructTreeRoot"))
    if not tree:
        print("no structure tree")
        return 1
    headings, counts, spanning, ids = [], {}, {}, set()

    # The pages an element's content is on, its descendants' included.
    def walk(elem, depth=0):
        ref = elem
        elem = resolve(elem)
        if not isinstance(elem, dict) or depth > 100:
            return set()
        if elem.get("/Type") == "/MCR":
            return {elem.get("/Pg")}
        kind = elem.get("/S")
        if kind:
            counts[kind] = counts.get(kind, 0) + 1
            alt = elem.get("/Alt") or ""
            if kind == "/Figure" and not re.sub(r"^[ub]:", "", alt).strip():
                problems.append("Figure without /Alt (or with an empty one)")
            if kind == "/TH" and "/Scope" not in resolve(elem.get("/A", {})):
                problems.append("TH without /Scope")
            if kind == "/Note" and not elem.get("/ID"):
                problems.append("Note without /ID")
            if elem.get("/ID"):
                if elem["/ID"] in ids:
                    problems.append(f"/ID {elem['/ID']} on two elements")
                ids.add(elem["/ID"])
            if kind in ("/H1", "/H2", "/H3", "/H4", "/H5", "/H6"):
                headings.append(int(kind[2]))
        kids = elem.get("/K")
        pages = set()
        for k in kids if isinstance(kids, list) else [kids]:
            if isinstance(k, int):
                pages.add(elem.get("/Pg"))
            else:
                pages |= walk(k, depth + 1)
        pages.discard(None)
        if kind and len(pages) > 1:
            spanning[kind] = spanning.get(kind, 0) + 1
        return pages

    walk(tree)
    level = 0
    for h in headings:
        if h > level + 1:
            problems.append(f"heading level skips from H{level} to H{h}")
        level = h
    # The parent tree: every key within its leaf's /Limits; each page's
    # array names, for each MCID on the page, the element whose /K holds
    # that MCID on that page; each annotation's key names the Link element
    # holding it.
    ptree, leaves = {}, [0]

    def number_tree(node, depth=0):
        node = resolve(node)
        if depth > 20 or not isinstance(node, dict):
            return
        arr = node.get("/Nums", [])
        leaves[0] += "/Nums" in node
        lim = node.get("/Limits")
        for i in range(0, len(arr) - 1, 2):
            if lim and not lim[0] <= arr[i] <= lim[1]:
                problems.append(f"parent tree key {arr[i]} outside its leaf's /Limits {lim}")
            ptree[arr[i]] = arr[i + 1]
        for kid in node.get("/Kids", []):
            number_tree(kid, depth + 1)

    number_tree(tree.get("/ParentTree"))
    if ptree and tree.get("/ParentTreeNextKey", 0) <= max(ptree):
        problems.append("/ParentTreeNextKey is not above every key")

    def holds_mcid(elem_ref, page_ref, mcid):
        elem = resolve(elem_ref)
        kids = elem.get("/K")
        for k in kids if isinstance(kids, list) else [kids]:
            if k == mcid and elem.get("/Pg") == page_ref:
                return True
            k = resolve(k)
            if isinstance(k, dict) and k.get("/MCID") == mcid and k.get("/Pg", elem.get("/Pg")) == page_ref:
                return True
        return False

    for p in data["pages"]:
        page = resolve(p["object"])
        key = page.get("/StructParents")
        if key is None:
            continue
        owners = resolve(ptree.get(key))
        if not isinstance(owners, list):
            problems.append(f"page {p['pageposfrom1']}: /StructParents {key} not in the parent tree")
            continue
        for mcid, owner in enumerate(owners):
            if not holds_mcid(owner, p["object"], mcid):
                problems.append(f"page {p['pageposfrom1']}: MCID {mcid}'s owner in the parent tree does not hold it")
                break
        for a_ref in resolve(page.get("/Annots", [])) or []:
            a = resolve(a_ref)
            if "/StructParent" not in a:
                continue
            link = resolve(ptree.get(a["/StructParent"]))
            kids = link.get("/K") if isinstance(link, dict) else None
            objs = [resolve(k).get("/Obj") for k in (kids if isinstance(kids, list) else [kids]) if isinstance(resolve(k), dict)]
            if a_ref not in objs:
                problems.append(f"page {p['pageposfrom1']}: an annotation's /StructParent does not lead back to it")
    # Every link annotation belongs to a Link element (it has /StructParent).
    for p in data["pages"]:
        page = resolve(p["object"])
        for a in resolve(page.get("/Annots", [])) or []:
            a = resolve(a)
            if a.get("/Subtype") == "/Link" and not re.sub(r"^[ub]:", "", a.get("/Contents", "")).strip():
                problems.append("link annotation without /Contents")
            if a.get("/Subtype") == "/Link" and "/StructParent" not in a:
                problems.append("link annotation outside the structure tree")
    # Every text object lies inside marked content: a structure element's,
    # or /Artifact for running headers, footers and fillers; no path is
    # drawn inside a table cell's.
    out = subprocess.run(["qpdf", "--json", "--json-stream-data=inline",
                          "--decode-level=generalized", pdf],
                         check=True, capture_output=True).stdout
    full = json.loads(out)
    objs = full["qpdf"][1]
    import base64
    # Every reference names an object in the file (the finisher numbers
    # Cairo's objects and its own anew): qpdf lists a dangling one as null.
    for key, o in objs.items():
        if key.startswith("obj:") and "value" in o and o["value"] is None:
            problems.append(f"a reference to {key[4:]}, which is not in the file")
    for p in full["pages"]:
        page = objs["obj:" + p["object"]]["value"]
        refs = page.get("/Contents")
        refs = refs if isinstance(refs, list) else [refs]
        data = b"".join(base64.b64decode(objs["obj:" + r]["stream"].get("data", ""))
                        for r in refs if r)
        # Marked content as a stack of tags: a table cell's holds its text
        # alone (borders and shading are artifacts, drawn apart).
        stack, name, dicts, nums, box = [], None, 0, [], []
        for tok in re.findall(rb"\((?:\\.|[^\\)])*\)|<<|>>|<[0-9A-Fa-f\s]*>|/?[^\s()<>\[\]/%]+", data):
            if tok == b"<<":
                dicts += 1
            elif tok == b">>":
                dicts = max(0, dicts - 1)
            elif tok.startswith(b"/") and dicts == 0:
                name = tok  # the tag, when BDC or BMC follows
            elif tok in (b"BDC", b"BMC"):
                stack.append(name)
            elif tok == b"EMC":
                stack = stack[:-1]
            elif tok == b"BT" and not stack:
                problems.append(f"page {p['pageposfrom1']}: text outside marked content")
                break
            elif tok == b"re":
                box = nums[-4:]
            elif tok == b"m":
                box = []
            elif tok in (b"S", b"s", b"f", b"f*", b"B", b"b") and (b"/TD" in stack or b"/TH" in stack):
                # A stroke (a border), or a fill of more than a line's
                # thickness (shading); the thin fill under a link's text is
                # its underline, drawn with the text.
                if tok not in (b"f", b"f*") or len(box) < 4 or (abs(box[2]) > 2 and abs(box[3]) > 2):
                    problems.append(f"page {p['pageposfrom1']}: a path drawn in a table cell's marked content")
                    break
            if re.fullmatch(rb"-?[0-9.]+", tok):
                nums = (nums + [float(tok)])[-6:]
            elif tok != b"re":
                nums = []
    for prob in sorted(set(problems)):
        print(prob)
    print("counts", " ".join(f"{k[1:]}={v}" for k, v in sorted(counts.items())))
    print(f"parenttree keys={len(ptree)} leaves={leaves[0]}")
    # Elements whose content runs over a page break (one element, not two).
    print("spanning", " ".join(f"{k[1:]}={v}" for k, v in sorted(spanning.items())))
    return 1 if problems else 0


def norm(s):
    # Zero-width spaces and soft hyphens (a word broken between syllables
    # in a narrow cell) are invisible to a reader of the text.
    s = unicodedata.normalize("NFKC", s).replace("\u200b", "").replace("\u00ad", "")
    return s


def tokens(text):
    out = set()
    for t in text.split():
        t = t.strip(".,;:!?()[]\"'\u2018\u2019\u201c\u201d")
        if t:
            out.add(t)
    return out


def words(xml_path, pdf):
    ns = "{urn:x-boardc:paper:1}"
    root = ET.parse(xml_path).getroot()
    source = []
    # Text inside charts is drawn by the chart (and checked by the chart
    # tests); a figure's alt text is shown only when it has no drawing.
    skip = set()
    for fig in root.iter(ns + "figure"):
        if fig.find(ns + "chart") is not None or fig.find(ns + "image") is not None:
            skip.update(fig.iter(ns + "alt"))
            for ch in fig.iter(ns + "chart"):
                skip.update(ch.iter())
    for el in root.iter():
        if el in skip:
            continue
        # Attribute values that are printed as text.
        for attr in ("title", "name", "venue", "signed-off-by"):
            if attr in el.attrib and el.tag != ns + "appendix-list":
                source.append(el.attrib[attr])
        if el.tag in (ns + "alt",):
            source.append(el.text or "")
            continue
        if el.text:
            source.append(el.text)
        for child in el:
            if child.tail:
                source.append(child.tail)
    pdf_text = norm(subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"], check=True,
                                   capture_output=True, text=True).stdout)
    have = tokens(pdf_text)
    # Words broken across lines by a hyphen the layout inserted.
    have |= tokens(re.sub(r"-\n", "", pdf_text))
    squashed = re.sub(r"\s+", "", pdf_text)
    missing = []
    for chunk in source:
        for w in tokens(norm(chunk)):
            if w not in have and w not in squashed:
                missing.append(w)
    if missing:
        print(f"{len(missing)} words missing, e.g.: {missing[:10]}")
        return 1
    return 0


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "outline":
        outline(sys.argv[2])
    elif len(sys.argv) >= 3 and sys.argv[1] == "links":
        links(sys.argv[2])
    elif len(sys.argv) >= 3 and sys.argv[1] == "structure":
        return structure(sys.argv[2])
    elif len(sys.argv) >= 3 and sys.argv[1] == "catalog":
        catalog(sys.argv[2])
    elif len(sys.argv) >= 4 and sys.argv[1] == "words":
        return words(sys.argv[2], sys.argv[3])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
