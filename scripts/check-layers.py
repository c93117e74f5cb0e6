#!/usr/bin/env python3
"""Checks the folder layering of src/ (see src/CMakeLists.txt and the README's code layout).

Every quoted include in src/<folder>/ must name a header of the same folder or of a folder on a
lower level; every C library header may be included only in the folder that owns it. Prints one
line per violation (file:line: reason) and exits 1 when there is any, 0 otherwise.

  check-layers.py SRC_DIR LAYER...      e.g. check-layers.py src "base" "markup net text" ...
  check-layers.py --self-test LAYER...  proves that each kind of violation is caught
"""
import os
import re
import sys
import tempfile

# C library headers and the one folder allowed to include them.
OWNERS = [
    (r"openssl/", "base"),
    (r"libxml/", "markup"),
    (r"curl/", "net"),
    (r"utf8proc\.h$", "text"),
    (r"iconv\.h$", "text"),
    (r"espeak-ng/", "voice"),
    (r"lame/", "audio"),
    (r"sndfile\.h$", "audio"),
    (r"soxr\.h$", "audio"),
    (r"ebur128\.h$", "audio"),
    (r"(taglib/|id3v2\w*\.h$|\w*frame\.h$|mpegfile\.h$)", "audio"),
    (r"microhttpd\.h$", "serve"),
    (r"zlib\.h$", "serve"),
    (r"CLI/", "cli"),
    (r"cmark-gfm", "extract"),
    (r"unicode/", "spoken"),
]
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]')


def levels_of(layers):
    level = {}
    for i, group in enumerate(layers):
        for folder in group.split():
            level[folder] = i
    return level


def check(src, layers):
    level = levels_of(layers)
    problems = []
    for folder in sorted(os.listdir(src)):
        path = os.path.join(src, folder)
        if not os.path.isdir(path):
            continue
        if folder not in level:
            problems.append(f"{folder}/: folder has no level in the layer list")
            continue
        for name in sorted(os.listdir(path)):
            if not name.endswith((".cpp", ".hpp")):
                continue
            rel = f"{folder}/{name}"
            with open(os.path.join(path, name), encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    kind, header = m.groups()
                    where = f"{rel}:{n}"
                    if kind == '"':
                        target = header.split("/")[0] if "/" in header else None
                        if target is None:
                            problems.append(f'{where}: "{header}" has no folder (write "{folder}/{header}")')
                        elif target not in level:
                            problems.append(f'{where}: "{header}" is in no known folder')
                        elif target != folder and level[target] >= level[folder]:
                            side = "a sibling" if level[target] == level[folder] else "a higher"
                            problems.append(f'{where}: {folder} (level {level[folder]}) includes '
                                            f'"{header}" from {side} folder ({target}, level {level[target]})')
                    else:
                        for pattern, owner in OWNERS:
                            if re.search(pattern, header) and owner != folder:
                                problems.append(f"{where}: <{header}> belongs to {owner}/ only")
    return problems


def self_test(layers):
    """Builds small trees with one violation each and fails unless every one is reported."""
    level = levels_of(layers)
    ordered = sorted(level, key=level.get)
    low, high = ordered[0], ordered[-1]
    siblings = next((g.split() for g in layers if len(g.split()) > 1), None)
    cases = {
        "upward": (low, f'#include "{high}/x.hpp"'),
        "no folder": (high, '#include "x.hpp"'),
        "C header outside its owner": (high, "#include <lame/lame.h>"),
    }
    if siblings:
        cases["sideways"] = (siblings[0], f'#include "{siblings[1]}/x.hpp"')
    failed = False
    for what, (folder, line) in cases.items():
        with tempfile.TemporaryDirectory() as tmp:
            for f in level:
                os.makedirs(os.path.join(tmp, f))
            with open(os.path.join(tmp, folder, "bad.cpp"), "w") as out:
                out.write(line + "\n")
            found = check(tmp, layers)
            print(f"{what}: {'caught: ' + found[0] if found else 'NOT caught'}")
            failed |= len(found) != 1
    # And a clean tree passes: an include of a lower folder and of the same folder.
    with tempfile.TemporaryDirectory() as tmp:
        for f in level:
            os.makedirs(os.path.join(tmp, f))
        with open(os.path.join(tmp, high, "ok.cpp"), "w") as out:
            out.write(f'#include "{high}/ok.hpp"\n#include "{low}/y.hpp"\n#include <vector>\n')
        found = check(tmp, layers)
        print(f"clean tree: {'passes' if not found else 'REPORTED ' + found[0]}")
        failed |= bool(found)
    return 1 if failed else 0


def main(argv):
    if len(argv) >= 2 and argv[1] == "--self-test":
        return self_test(argv[2:])
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    problems = check(argv[1], argv[2:])
    for p in problems:
        print(p)
    if not problems:
        print(f"layers: {sum(len(g.split()) for g in argv[2:])} folders, no include against the levels")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
