#!/usr/bin/env python3
"""Re-sorts (and de-duplicates) the lists every collector adds a line to, after
a union merge: collectors/collectors.def and the source lists of the CMake files."""
import os
import re
import sys

def sort_runs(lines, is_item):
    out, run = [], []
    for line in lines + [None]:
        if line is not None and is_item(line):
            run.append(line)
            continue
        out.extend(sorted(set(run), key=lambda l: l.strip()))
        run = []
        if line is not None:
            out.append(line)
    return out

def fix(path, is_item):
    with open(path) as f:
        lines = f.read().split("\n")
    new = sort_runs(lines, is_item)
    if new != lines:
        with open(path, "w") as f:
            f.write("\n".join(new))

fix("collectors/collectors.def", lambda l: l.startswith("HOST_EXPORTER_COLLECTOR("))
src = re.compile(r"^\s+[\w/.+-]+\.(cpp|cc)$")
for p in ("collectors/CMakeLists.txt", "src/CMakeLists.txt", "tests/CMakeLists.txt"):
    fix(p, lambda l: bool(src.match(l)))
    # A union merge keeps lines one side removed: drop sources that no longer exist.
    base = os.path.dirname(p)
    with open(p) as f:
        lines = f.read().split("\n")
    kept = [l for l in lines if not src.match(l) or os.path.exists(os.path.join(base, l.strip()))]
    if kept != lines:
        with open(p, "w") as f:
            f.write("\n".join(kept))
