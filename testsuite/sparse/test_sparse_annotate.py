"""Header annotation (sparse/annotate.c) and --patch (sparse/diff.c)."""
import shutil
import subprocess

import pytest

from sparse_helpers import (DATA, EXPECTED, INCLUDES, check, run, stock,
                            tagged_lines, untag)

HEADERS = ["iosys-map", "dma-buf-map"]


@pytest.mark.parametrize("name", HEADERS)
def test_annotate_lines_golden(binary, name):
    src = DATA / "tree" / "include" / "linux" / (name + ".h")
    r = run([binary, "--annotate", str(src)])
    assert r.returncode == 0, r.stderr
    assert r.stdout == (EXPECTED / (name + ".h.lines")).read_text()
    # on-the-fly copies keep every line where it was
    assert r.stdout.count("\n") == src.read_text().count("\n")


@pytest.mark.parametrize("name", HEADERS)
def test_annotate_inline_golden(binary, name):
    src = DATA / "tree" / "include" / "linux" / (name + ".h")
    r = run([binary, "--annotate", "--inline", str(src)])
    assert r.returncode == 0, r.stderr
    assert r.stdout == (EXPECTED / (name + ".h.inline")).read_text()


@pytest.mark.parametrize("name", HEADERS)
def test_annotation_is_what_it_claims(name):
    """Independent of the goldens: the members, and nothing but code."""
    before = (DATA / "tree" / "include" / "linux" / (name + ".h")).read_text()
    after = (EXPECTED / (name + ".h.lines")).read_text()
    assert "void __iosys *vaddr_iomem;" in after
    assert "void __iosys *vaddr;" in after
    assert "__iomem *vaddr_iomem;" not in after
    for b, a in zip(before.splitlines(), after.splitlines()):
        stripped = b.strip()
        if stripped.startswith(("/*", "*", "//")) or '"' in b:
            assert a == b           # comments and strings are left alone
        elif "->vaddr" in a:
            assert "__iosys_vaddr" in a


def test_already_annotated_is_left_alone(binary, tmp_path):
    h = tmp_path / "iosys-map.h"
    h.write_text((EXPECTED / "iosys-map.h.inline").read_text())
    r = run([binary, "--annotate", str(h)])
    assert r.returncode == 0
    assert r.stdout == h.read_text()
    assert "already annotated" in r.stderr


@pytest.mark.parametrize("text, why", [
    ("struct other { void *vaddr; };\n", "does not define struct"),
    ("struct iosys_map { union { unsigned long vaddr_iomem; void *vaddr; }; };\n",
     "not a plain pointer"),
    ("struct iosys_map { void *vaddr; };\n", "no member vaddr_iomem"),
])
def test_annotate_refuses_what_it_does_not_understand(binary, tmp_path, text, why):
    h = tmp_path / "iosys-map.h"
    h.write_text(text)
    r = run([binary, "--annotate", str(h)])
    assert r.returncode == 1
    assert why in r.stderr
    assert r.stdout == ""


def test_patch_golden_and_applies(binary, tree):
    r = run([binary, "--patch", str(tree)])
    assert r.returncode == 0, r.stderr
    assert r.stdout == (EXPECTED / "tree.patch").read_text()
    p = subprocess.run(["patch", "-p1"], input=r.stdout, cwd=tree,
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    for name in HEADERS:
        got = (tree / "include" / "linux" / (name + ".h")).read_text()
        assert got == (EXPECTED / (name + ".h.inline")).read_text()
    # a patched tree needs no second patch
    again = run([binary, "--patch", str(tree)])
    assert again.returncode == 0 and again.stdout == ""
    assert again.stderr.count("already annotated") == 2


def test_patch_matches_gnu_diff(binary, tree):
    if not shutil.which("diff"):
        pytest.skip("no diff")
    ours = run([binary, "--patch", str(tree)]).stdout
    gnu = ""
    for name in HEADERS:
        rel = "include/linux/%s.h" % name
        gnu += run(["diff", "-u", "--label", "a/" + rel, "--label", "b/" + rel,
                    str(tree / rel), str(EXPECTED / (name + ".h.inline"))]).stdout
    assert ours[ours.index("--- a/"):] == gnu


def test_patch_without_headers_fails(binary, tmp_path):
    r = run([binary, "--patch", str(tmp_path)])
    assert r.returncode == 1
    assert "no include/linux/iosys-map.h" in r.stderr


def test_patched_tree_checks_like_on_the_fly(binary, tree, env):
    """Stock sparse on a patched tree = on-the-fly mode minus the tags."""
    src = "drivers/gpu/drm/strict-raw.c"
    fly = check(binary, INCLUDES + [src], tree, env)
    assert fly.returncode == 0 and fly.stderr.count("[IOM010]") == 9
    patch = run([binary, "--patch", str(tree)]).stdout
    subprocess.run(["patch", "-p1", "-s"], input=patch, cwd=tree, check=True,
                   text=True)
    plain = stock(INCLUDES + [src], tree, env)
    assert plain.stderr == untag(fly.stderr)
    native = check(binary, INCLUDES + [src], tree, env)
    assert native.stderr == fly.stderr
    assert tagged_lines(native.stderr) == tagged_lines(fly.stderr)


def test_gcc_code_is_unchanged(tree, tmp_path):
    """Without __CHECKER__ the patched header gives the same assembly."""
    if not shutil.which("gcc"):
        pytest.skip("no gcc")
    src = "drivers/gpu/drm/helpers.c"
    args = ["gcc", "-S", "-O2", "-nostdinc", "-fno-asynchronous-unwind-tables",
            "-I./include", "-include", "./include/linux/kconfig.h",
            "-include", "./include/linux/compiler_types.h", src, "-o"]
    before = tmp_path / "before.s"
    subprocess.run(args + [str(before)], cwd=tree, check=True)
    patch = (EXPECTED / "tree.patch").read_text()
    subprocess.run(["patch", "-p1", "-s"], input=patch, cwd=tree, check=True,
                   text=True)
    after = tmp_path / "after.s"
    subprocess.run(args + [str(after)], cwd=tree, check=True)
    assert before.read_text() == after.read_text()


# Both members on one line, or a missing ';': the members cannot be rewritten
# one by one.  These once gave two identical edits and a copy of length
# (size_t)-7; now the header is refused, naming its line.
HOSTILE = {
    "one-line": "\t\tvoid __iomem *vaddr_iomem, *vaddr;\n",
    "no-semicolon": "\t\tvoid __iomem *vaddr_iomem\n\t\tvoid *vaddr;\n",
    "shared": "\t\tvoid *other, __iomem *vaddr_iomem;\n\t\tvoid *vaddr;\n",
}


def hostile_header(tree, kind):
    h = tree / "include" / "linux" / "iosys-map.h"
    text = h.read_text()
    old = ("\t\tvoid __iomem *vaddr_iomem;\t/* valid when is_iomem */\n"
           "\t\tvoid *vaddr;\t\t\t/* valid otherwise */\n")
    assert old in text
    h.write_text(text.replace(old, HOSTILE[kind]))
    return h, text[:text.index(old)].count("\n") + 1


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_member_declaration_is_refused(binary, tree, kind):
    h, line = hostile_header(tree, kind)
    for args in (["--annotate"], ["--annotate", "--inline"]):
        r = run([binary] + args + [str(h)])
        assert (r.returncode, r.stdout) == (1, "")
        assert r.stderr.splitlines() == [
            "%s:%d: error: cannot annotate: member vaddr_iomem of struct "
            "iosys_map is not declared on its own%s"
            % (h, line, "" if kind == "shared" else
               " (expected ';' after it)")]
    r = run([binary, "--patch", str(tree)])
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr.startswith("%s:%d: error: cannot annotate" % (h, line))


def test_hostile_header_turns_strict_mode_off_with_a_warning(binary, tree, env):
    h, line = hostile_header(tree, "one-line")
    src = "drivers/gpu/drm/helpers.c"
    r = check(binary, INCLUDES + [src], tree, env)
    plain = stock(INCLUDES + [src], tree, env)
    note = ("./include/linux/iosys-map.h:%d: warning: iomemcheck-sparse cannot "
            "annotate: member vaddr_iomem of struct iosys_map is not declared "
            "on its own (expected ';' after it); strict mode is off for it\n"
            % line)
    assert r.stderr == note + plain.stderr
    assert r.returncode == plain.returncode
