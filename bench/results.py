#!/usr/bin/python3
"""Replace one section of bench/RESULTS.md, keeping the others.

usage: bench/results.py SECTION < text
       bench/results.py --machine      (prints the date/machine lines)
A section is the text between <!-- begin SECTION --> and <!-- end SECTION -->;
bench/bench writes kernel-make, kernel-objects, kernel-unrelated and scale;
bench/torture writes torture (torture-rules with --rules).
"""

import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, "RESULTS.md")
ORDER = ["kernel-make", "kernel-objects", "kernel-unrelated", "scale", "torture",
         "torture-rules"]
HEAD = """# iomemcheck benchmark results

Written by `bench/bench` (the kernel sections and *scale*) and `bench/torture`;
each run replaces only the sections it measured. Targets (benchmark
targets, not timed tests): plugin <= 1.02x wall and memory on the real
objects, <= 1.005x on unrelated files; core time linear in N x M; torture:
0 failures caused by the plugin.
"""


def machine():
    """Date and machine lines for a section header."""
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    gcc = subprocess.run(["gcc", "--version"], stdout=subprocess.PIPE,
                         text=True).stdout.splitlines()[0]
    return ("- date: %s\n- machine: `%s`\n- cpu: %s, %d cores visible\n- compiler: %s\n"
            % (time.strftime("%Y-%m-%d %H:%M %Z"),
               subprocess.run(["uname", "-a"], stdout=subprocess.PIPE, text=True).stdout.strip(), cpu,
               os.cpu_count() or 0, gcc))


def update(section, text):
    try:
        with open(RESULTS) as f:
            doc = f.read()
    except FileNotFoundError:
        doc = HEAD
    block = "<!-- begin %s -->\n%s\n<!-- end %s -->" % (section, text.strip("\n"), section)
    pat = re.compile(r"<!-- begin %s -->.*?<!-- end %s -->" % (section, section), re.S)
    if pat.search(doc):
        doc = pat.sub(lambda _: block, doc)
    else:
        # insert before the first later section in ORDER, else append
        later = ORDER[ORDER.index(section) + 1:] if section in ORDER else []
        pos = -1
        for s in later:
            pos = doc.find("<!-- begin %s -->" % s)
            if pos >= 0:
                break
        if pos >= 0:
            doc = doc[:pos] + block + "\n\n" + doc[pos:]
        else:
            doc = doc.rstrip("\n") + "\n\n" + block + "\n"
    with open(RESULTS, "w") as f:
        f.write(doc)


if __name__ == "__main__":
    if sys.argv[1:] == ["--machine"]:
        print(machine())
        sys.exit(0)
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    update(sys.argv[1], sys.stdin.read())
