"""Fix-its: the rewrites into map helpers that the core offers for what the
libclang engine describes as spelled (core/fix.c, clang/spell.c), and the
command's --fix, --diff, --fixits and SARIF fixes.

The corpus test fixes a copy of every sample that has a fixable finding,
compiles each fixed file with the sample headers and checks it again: every
fixed finding is gone, every other one is still there, nothing new appears.
`python3 -m pytest -s testsuite/test_fix.py` prints the counts.
"""
import collections
import json
import os
import shutil
import subprocess

import pytest

import corpus
from test_gate import multitool, validate  # noqa: F401  (a session fixture)

ROOT = corpus.ROOT
CMD = os.path.join(ROOT, "cmd", "iomemcheck")
FLAGS = ["-O2", "-nostdinc", "-I", "include"]
GOLDEN = os.path.join(ROOT, "testsuite", "golden")
# The text with fix-it lines of these samples is kept in golden/NAME.fixits.
GOLDEN_SAMPLES = ["cirrus-pixel-memcpy4-set-iomem.c", "cursor-update-raw-field-writes.c"]


def clang_built():
    if not os.path.exists(CMD):
        return False
    p = subprocess.run([CMD, "--version"], capture_output=True, text=True)
    return "clang" in p.stdout


pytestmark = pytest.mark.skipif(not clang_built(), reason="the command's libclang engine is not built")


def iomemcheck(cwd, *args):
    # not -q: the tests read the summary line
    return subprocess.run([CMD, "-j2", *args], cwd=cwd, capture_output=True, text=True)


def samples_copy(tmp_path):
    """kernel-samples/ copied, headers and all: the test edits the copy."""
    dst = tmp_path / "ks"
    shutil.copytree(corpus.SAMPLES, dst)
    return dst


def names(src):
    return sorted(n for n in os.listdir(src) if n.endswith(".c"))


def findings(src, files):
    p = iomemcheck(src, "--format=json", *files, "--", *FLAGS)
    assert p.returncode in (0, 1), p.stderr
    return [json.loads(line) for line in p.stdout.splitlines()]


def identity(f):
    """A finding without its place: lines move when a fix deletes one."""
    return (f["file"], f["function"], f["rule"], f["message"])


def fixable(src):
    found = findings(src, names(src))
    files = sorted({f["file"] for f in found if "fixes" in f})
    return found, files


def fix_corpus(src):
    """--fix on every sample with a fixable finding; returns (before, files)."""
    before, files = fixable(src)
    p = iomemcheck(src, "--fix", *files, "--", *FLAGS)
    assert p.returncode == 1, p.stderr
    assert " 0 not applied" in p.stderr, p.stderr
    return before, files


def test_every_fixable_sample_is_fixed_compiles_and_is_clean(tmp_path):
    src = samples_copy(tmp_path)
    before, files = fix_corpus(src)
    fixed = [f for f in before if "fixes" in f and f["file"] in files]
    assert files and fixed
    for name in files:
        p = subprocess.run(["gcc", "-fsyntax-only", "-nostdinc", "-I", "include", name],
                           cwd=src, capture_output=True, text=True)
        assert p.returncode == 0, name + ":\n" + p.stderr
        assert (src / name).read_text() != open(os.path.join(corpus.SAMPLES, name)).read()
    after = findings(src, files)
    want = collections.Counter(identity(f) for f in before
                               if f["file"] in files and "fixes" not in f)
    # every fixed finding gone, every other one still there, nothing new
    assert collections.Counter(identity(f) for f in after) == want
    print("\nfix-its: %d findings fixed in %d samples (of %d findings in %d samples)"
          % (len(fixed), len(files), len(before), len(names(src))))


def test_diff_applies_with_git_apply_to_the_same_result(tmp_path):
    fixed = samples_copy(tmp_path / "a")
    fix_corpus(fixed)
    src = samples_copy(tmp_path / "b")
    _, files = fixable(src)
    p = iomemcheck(src, "--diff", *files, "--", *FLAGS)
    assert p.returncode == 1, p.stderr
    assert p.stdout.startswith("--- a/")
    (tmp_path / "fix.patch").write_text(p.stdout)
    a = subprocess.run(["git", "apply", "--verbose", str(tmp_path / "fix.patch")], cwd=src,
                       capture_output=True, text=True)
    assert a.returncode == 0, a.stderr
    for name in names(src):
        assert (src / name).read_text() == (fixed / name).read_text(), name


CONFLICT = """#include <linux/iosys-map.h>

void stamp(struct iosys_map *dst, void __iomem *regs, struct iosys_map *other)
{
	struct iosys_map io;

	iosys_map_set_vaddr_iomem(&io, regs);
	*(u32 *)(dst->vaddr + 4) = *(u32 *)(io.vaddr);
	if (!other->vaddr)
		return;
}
"""


def test_overlapping_fixits_are_reported_and_the_rest_applied(tmp_path):
    # The store's fix rewrites the whole assignment, the load's its right
    # side: both are dropped, each named; the NULL test is still fixed.
    (tmp_path / "c.c").write_text(CONFLICT)
    p = iomemcheck(tmp_path, "--fix", "c.c", "--", "-nostdinc", "-I", corpus.INCLUDE)
    assert p.returncode == 1
    dropped = [line for line in p.stderr.splitlines() if "not applied:" in line]
    assert dropped == ["iomemcheck: c.c:8:2: fix-it not applied: it overlaps another fix-it",
                       "iomemcheck: c.c:8:29: fix-it not applied: it overlaps another fix-it"]
    assert "1 fix-it(s) applied in 1 file(s), 2 not applied" in p.stderr
    assert (tmp_path / "c.c").read_text() == CONFLICT.replace(
        "if (!other->vaddr)", "if (iosys_map_is_null(other))")


USED = """#include <linux/iosys-map.h>

void *f(struct iosys_map *dst, const void *src, u32 v, u32 *out)
{
	*out = *(u32 *)dst->vaddr = v;
	*(u32 *)(dst->vaddr + 8) = v;
	if (v)
		memcpy(dst->vaddr, src, v);
	return memcpy(dst->vaddr + 4, src, v);
}
"""


def test_a_call_or_store_whose_value_is_used_gets_no_fix(tmp_path):
    # iosys_map_wr and iosys_map_memcpy_to give no value: only statements are rewritten.
    (tmp_path / "u.c").write_text(USED)
    p = iomemcheck(tmp_path, "--format=json", "u.c", "--", "-nostdinc", "-I", corpus.INCLUDE)
    fixed = {f["line"]: [e["text"] for e in f.get("fixes", [])]
             for f in map(json.loads, p.stdout.splitlines())}
    assert fixed == {5: [], 6: ["iosys_map_wr(dst, 8, u32, v)"],
                     8: ["iosys_map_memcpy_to", "dst, 0"], 9: []}


def test_a_header_reached_from_two_entries_is_edited_once(tmp_path):
    # The same function (a .c file both entries #include) gives the same fix twice.
    (tmp_path / "shared.c").write_text(CONFLICT.split("\n", 1)[1].replace("stamp", "shared"))
    for n in ("a", "b"):
        (tmp_path / (n + ".c")).write_text('#include <linux/iosys-map.h>\n#include "shared.c"\n')
    p = iomemcheck(tmp_path, "--fixits", "a.c", "b.c", "--", "-nostdinc", "-I", corpus.INCLUDE)
    assert p.stdout.count('fix-it:"shared.c":{8:6-8:19}:"iosys_map_is_null(other)"') == 1
    p = iomemcheck(tmp_path, "--fix", "a.c", "b.c", "--", "-nostdinc", "-I", corpus.INCLUDE)
    assert "1 fix-it(s) applied in 1 file(s), 2 not applied" in p.stderr, p.stderr
    assert "iosys_map_is_null(other)" in (tmp_path / "shared.c").read_text()


@pytest.mark.parametrize("name", GOLDEN_SAMPLES)
def test_fixit_lines_golden(name):
    p = iomemcheck(ROOT, "--fixits", os.path.join("kernel-samples", name), "--",
                   "-O2", "-nostdinc", "-I", os.path.join("kernel-samples", "include"))
    with open(os.path.join(GOLDEN, name[:-2] + ".fixits")) as f:
        assert p.stdout == f.read()


def test_gcc_engine_prints_the_same_findings_without_fixits(tmp_path):
    # GIMPLE keeps no spelling: the GCC engine offers no fix-its, and the
    # findings stay the same bytes as the libclang engine's.
    if not corpus.plugin_available():
        pytest.skip("the GCC plugin is not built")
    src = samples_copy(tmp_path)
    _, files = fixable(src)
    clang = iomemcheck(src, "--fixits", *files, "--", *FLAGS)
    gcc = iomemcheck(src, "--engine=gcc", "--fixits", *files, "--", *FLAGS)
    assert "fix-it:" in clang.stdout and "fix-it:" not in gcc.stdout
    assert "".join(line + "\n" for line in clang.stdout.splitlines()
                   if not line.startswith("fix-it:")) == gcc.stdout


def test_sarif_fixes_match_the_json_and_validate(tmp_path, multitool):  # noqa: F811
    src = samples_copy(tmp_path)
    found, files = fixable(src)
    p = iomemcheck(src, "--format=sarif", "-o", "out.sarif", *files, "--", *FLAGS)
    assert p.returncode == 1, p.stderr
    doc = json.loads((src / "out.sarif").read_text())
    results = doc["runs"][0]["results"]
    with_fix = [r for r in results if "fixes" in r]
    assert len(with_fix) == sum("fixes" in f for f in found)
    by_place = {(f["file"], f["line"], f["column"], f["rule"]): f for f in found}
    for r in with_fix:
        loc = r["locations"][0]["physicalLocation"]
        f = by_place[(loc["artifactLocation"]["uri"], loc["region"]["startLine"],
                      loc["region"]["startColumn"], r["ruleId"])]
        reps = [rep for ch in r["fixes"][0]["artifactChanges"] for rep in ch["replacements"]]
        assert [(x["deletedRegion"]["startLine"], x["deletedRegion"]["startColumn"],
                 x["deletedRegion"]["endLine"], x["deletedRegion"]["endColumn"],
                 x["insertedContent"]["text"]) for x in reps] == \
            [(e["line"], e["column"], e["end_line"], e["end_column"], e["text"])
             for e in f["fixes"]]
    assert validate(multitool, src / "out.sarif") == []
