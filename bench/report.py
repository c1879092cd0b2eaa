#!/usr/bin/env python3
"""Write compare.sh's figures into docs/performance.md.

    report.py COMPARE.txt PERFORMANCE.md "boardc's own summary line"

COMPARE.txt is compare.sh's output: one line per tool and document with
median wall, mean user CPU, peak RSS, pages, bytes and the ratio to the
floor. The table, with the date, the machine and boardc's time as a ratio
to each tool's, replaces what lies between the markers
<!-- bench:begin --> and <!-- bench:end --> in PERFORMANCE.md.
"""
import datetime
import os
import platform
import re
import sys

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def machine():
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {model or platform.machine()}, {platform.system()} {platform.release()}"


def rows(path):
    out = []
    with open(path) as f:
        for line in f:
            p = line.split()
            if len(p) == 8 and re.fullmatch(r"[0-9.]+", p[2]) and p[0] != "tool":
                out.append(dict(tool=p[0], doc=p[1], wall=float(p[2]), user=float(p[3]),
                                rss=float(p[4]), pages=p[5], bytes=p[6], floor=float(p[7])))
    return out


def table(rs):
    boardc = {r["doc"]: r for r in rs if r["tool"] == "boardc"}
    floor = {r["doc"]: r for r in rs if r["tool"] == "floor"}
    lines = ["| document | tool | wall (s) | user CPU (s) | peak RSS (MiB) | pages | bytes | × floor time | × floor bytes | boardc time ÷ tool's |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rs:
        b = boardc.get(r["doc"])
        fb = floor.get(r["doc"])
        vs = f"{b['wall'] / r['wall']:.2f}" if b and r["tool"] != "boardc" else "—"
        by = f"{int(r['bytes']) / int(fb['bytes']):.2f}" if fb and r["bytes"].isdigit() else "—"
        doc = "paper (~20 pp)" if r["doc"] == "paper" else "pack (20 papers)"
        lines.append(f"| {doc} | {r['tool']} | {r['wall']:.3f} | {r['user']:.3f} | {r['rss']:.1f} | "
                     f"{r['pages']} | {r['bytes']} | {r['floor']:.2f} | {by} | {vs} |")
    return lines


def main():
    cmp_path, doc_path, summary = sys.argv[1], sys.argv[2], sys.argv[3]
    rs = rows(cmp_path)
    if not rs:
        sys.exit(f"report.py: no figures in {cmp_path}")
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    block = [BEGIN, "",
             f"Measured {now} on {machine()} by `make bench` "
             "(`../shared/bench/compare.sh`, median of 5 runs, all tools in one run):", ""]
    block += table(rs)
    block += ["", f"boardc alone (median of 3): {summary}.", "", END]
    with open(doc_path) as f:
        text = f.read()
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + "\n".join(block) + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(block) + "\n"
    with open(doc_path, "w") as f:
        f.write(text)
    print(f"report.py: wrote the table into {doc_path}")


if __name__ == "__main__":
    main()
