#!/usr/bin/env python3
"""Check hand-written gold records against their texts (stdlib only, no project code).

Usage: python3 scripts/corpus/check_gold.py DIR [STEM ...]

For every DIR/<stem>.gold.json beside DIR/<stem>.txt it checks that:
- the gold loads as JSON and has document/references/lineage/assignments (acceptable_lineage optional);
- every assignment has agency, role (lead|coordinate), task, deadline, collective (bool);
- every task, deadline and the document title appear verbatim in the text once markup is removed
  (`**`, `*`, `__`, `|` dropped) and whitespace is collapsed to single spaces;
- every lineage / acceptable_lineage end is "SELF" or the number (or, for an unnumbered reference, the title)
  of a listed reference; relations are implements|based_on;
- there are no duplicate references, edges or (agency, role, task) triples, and no U+00D0 anywhere.
Prints one line per file and exits 1 if any check fails.
"""

import json
import pathlib
import re
import sys


def norm(s):
    s = s.replace("**", "").replace("__", "").replace("*", "").replace("|", " ")
    return re.sub(r"\s+", " ", s).strip()


def check(txt_path, gold_path):
    errs = []
    raw = txt_path.read_text(encoding="utf-8")
    text = norm(raw)
    gtxt = gold_path.read_text(encoding="utf-8")
    if "\u00d0" in gtxt:
        errs.append("U+00D0 in gold")
    g = json.loads(gtxt)
    for k in ("document", "references", "lineage", "assignments"):
        if k not in g:
            errs.append(f"missing key {k}")
    doc = g.get("document", {})
    if doc.get("title") and norm(doc["title"]) not in text:
        errs.append(f"title not verbatim: {doc['title'][:60]}")
    ends = {"SELF"}
    seen = set()
    for r in g.get("references", []):
        key = r.get("number") or r.get("title")
        if not key:
            errs.append(f"reference with neither number nor title: {r}")
        if key in seen:
            errs.append(f"duplicate reference {key}")
        seen.add(key)
        ends.add(key)
    for name in ("lineage", "acceptable_lineage"):
        es = set()
        for e in g.get(name, []):
            t = (e.get("from"), e.get("relation"), e.get("to"))
            if t in es:
                errs.append(f"duplicate edge {t}")
            es.add(t)
            if e.get("relation") not in ("implements", "based_on"):
                errs.append(f"bad relation {t}")
            for end in (e.get("from"), e.get("to")):
                if end not in ends:
                    errs.append(f"{name} end not a reference: {end}")
    trip = set()
    for a in g.get("assignments", []):
        for k in ("agency", "role", "task", "deadline", "collective"):
            if k not in a:
                errs.append(f"assignment missing {k}: {a}")
        if a.get("role") not in ("lead", "coordinate"):
            errs.append(f"bad role {a.get('role')}")
        if not isinstance(a.get("collective"), bool):
            errs.append(f"collective not bool: {a}")
        t = (a.get("agency"), a.get("role"), a.get("task"))
        if t in trip:
            errs.append(f"duplicate assignment {t[0]} / {t[1]} / {t[2][:50]}")
        trip.add(t)
        if norm(a.get("task") or "") not in text or not a.get("task"):
            errs.append(f"task not verbatim: {(a.get('task') or '')[:70]}")
        if a.get("deadline") and norm(a["deadline"]) not in text:
            errs.append(f"deadline not verbatim: {a['deadline']}")
    return g, errs


def main(argv):
    d = pathlib.Path(argv[1])
    stems = argv[2:] or sorted(p.name[: -len(".gold.json")] for p in d.glob("*.gold.json"))
    bad = 0
    for s in stems:
        g, errs = check(d / f"{s}.txt", d / f"{s}.gold.json")
        n = len(g.get("assignments", []))
        print(
            f"{'OK  ' if not errs else 'FAIL'} {s}: {len(g.get('references', []))} refs, "
            f"{len(g.get('lineage', []))} edges, {n} assignments"
        )
        for e in errs:
            print("     " + e)
        bad += bool(errs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
