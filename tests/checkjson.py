#!/usr/bin/env python3
"""checkjson.py - validates `boardc check` output.

    checkjson.py json FILE    the JSON report against its documented shape
                              (docs/check.md), with counts that agree
    checkjson.py sarif FILE   the SARIF report against the official SARIF
                              2.1.0 schema (tests/sarif-schema-2.1.0.json)

Exits 0 when valid, 1 with the reasons on standard error otherwise.
Needs python3-jsonschema.
"""
import json
import os
import re
import sys

import jsonschema

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rule_ids():
    """The rule ids, read from the X-macro list in src/check.h."""
    with open(os.path.join(TOP, "src", "check.h"), encoding="utf-8") as f:
        ids = re.findall(r'X\([A-Z_]+, "([a-z-]+)", BC_', f.read())
    if not ids:
        raise SystemExit("checkjson: no rule ids found in src/check.h")
    return ids


def json_shape(ids):
    count = {"type": "integer", "minimum": 0}
    finding = {
        "type": "object",
        "required": ["file", "line", "column", "rule", "severity", "message"],
        "properties": {
            "file": {"type": "string", "minLength": 1},
            "line": count,
            "column": count,
            "rule": {"enum": ids},
            "severity": {"enum": ["error", "warning", "note"]},
            "message": {"type": "string", "minLength": 1},
            "hint": {"type": "string", "minLength": 1},
        },
    }
    plain = dict(finding, additionalProperties=False)
    silenced = dict(finding)
    silenced["required"] = finding["required"] + ["reason", "suppressed_at"]
    silenced["properties"] = dict(
        finding["properties"],
        reason={"type": "string", "minLength": 1},
        suppressed_at={
            "type": "object",
            "additionalProperties": False,
            "required": ["line", "column"],
            "properties": {"line": count, "column": count},
        },
    )
    silenced["additionalProperties"] = False
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "type": "object",
        "additionalProperties": False,
        "required": ["tool", "version", "findings", "suppressed", "summary"],
        "properties": {
            "tool": {"const": "boardc"},
            "version": {"type": "string", "pattern": r"^\d+\.\d+\.\d+"},
            "findings": {"type": "array", "items": plain},
            "suppressed": {"type": "array", "items": silenced},
            "summary": {
                "type": "object",
                "additionalProperties": False,
                "required": ["papers", "errors", "warnings", "notes", "suppressed"],
                "properties": {k: count for k in
                               ["papers", "errors", "warnings", "notes", "suppressed"]},
            },
        },
    }


def check_json(doc, problems):
    ids = rule_ids()
    v = jsonschema.Draft7Validator(json_shape(ids))
    for e in v.iter_errors(doc):
        problems.append("shape: %s at %s" % (e.message, list(e.absolute_path)))
    if problems:
        return
    s = doc["summary"]
    for sev, key in (("error", "errors"), ("warning", "warnings"), ("note", "notes")):
        n = sum(1 for f in doc["findings"] if f["severity"] == sev)
        if n != s[key]:
            problems.append("summary says %d %s, the list has %d" % (s[key], key, n))
    if len(doc["suppressed"]) != s["suppressed"]:
        problems.append("summary.suppressed does not match the suppressed list")


URI_REF = re.compile(r"^(file://)?[A-Za-z0-9\-._~/%]*$")


def check_sarif(doc, problems):
    with open(os.path.join(TOP, "tests", "sarif-schema-2.1.0.json"), encoding="utf-8") as f:
        schema = json.load(f)
    v = jsonschema.Draft4Validator(schema)
    for e in v.iter_errors(doc):
        problems.append("schema: %s at %s" % (e.message, list(e.absolute_path)))
    if problems:
        return
    # What the schema cannot say: indexes agree with ids, URIs are encoded.
    for run in doc["runs"]:
        rules = run["tool"]["driver"].get("rules", [])
        for r in run.get("results", []):
            i = r.get("ruleIndex", -1)
            if not (0 <= i < len(rules)) or rules[i]["id"] != r.get("ruleId"):
                problems.append("ruleIndex %r does not name rule %r" % (i, r.get("ruleId")))
            for loc in r.get("locations", []):
                uri = loc["physicalLocation"]["artifactLocation"]["uri"]
                if not URI_REF.match(uri) or re.search(r"%(?![0-9A-F]{2})", uri):
                    problems.append("artifact URI %r is not a URI reference" % uri)


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("json", "sarif"):
        sys.stderr.write("usage: checkjson.py json|sarif FILE\n")
        return 2
    with open(sys.argv[2], encoding="utf-8") as f:
        try:
            doc = json.load(f)
        except ValueError as e:
            sys.stderr.write("not JSON: %s\n" % e)
            return 1
    problems = []
    (check_json if sys.argv[1] == "json" else check_sarif)(doc, problems)
    for p in problems[:20]:
        sys.stderr.write(p + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
