"""Facts that cross files (core/facts.c, cmd/facts.c): what a file's
functions leave in the maps they are handed, written by every engine and
read by every door: the command's two passes and its fact file, the plugin's
and iomemcheck-sparse's summaries=DIR and facts=FILE, the language server.

The project is two files: helpers.c defines functions with external linkage
(one never writes its map, one fills it with system memory, one with I/O
memory), user.c calls them and loads through vaddr after each call.
"""
import json
import os
import re
import shutil
import subprocess

import pytest

import corpus
import lspclient

ROOT = corpus.ROOT
CMD = os.path.join(ROOT, "cmd", "iomemcheck")
SPARSE = corpus.SPARSE_BIN

pytestmark = pytest.mark.skipif(not (os.path.exists(CMD) and corpus.plugin_available()),
                                reason="iomemcheck or the plugin not built")

HELPERS = """\
#include <linux/types.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

void row_copy(u8 *dst, const u8 *src, size_t n);
void row_copy_toio(void __iomem *dst, const u8 *src, size_t n);

void conv_keep(struct iosys_map *dst, const struct iosys_map *src, size_t n)
{
	if (dst->is_iomem)
		row_copy_toio(dst->vaddr_iomem, src->vaddr, n);
	else
		row_copy(dst->vaddr, src->vaddr, n);
}

void fill_system(struct iosys_map *map, void *buf)
{
	iosys_map_set_vaddr(map, buf);
}

void fill_io(struct iosys_map *map, void __iomem *regs)
{
	iosys_map_set_vaddr_iomem(map, regs);
}
"""

USER = """\
#include <linux/types.h>
#include <linux/iosys-map.h>

void conv_keep(struct iosys_map *dst, const struct iosys_map *src, size_t n);
void fill_system(struct iosys_map *map, void *buf);
void fill_io(struct iosys_map *map, void __iomem *regs);

u8 after_keep(u8 *buf, u8 *sbuf)
{
	struct iosys_map dst, src;

	iosys_map_set_vaddr(&dst, buf);
	iosys_map_set_vaddr(&src, sbuf);
	conv_keep(&dst, &src, 16);
	return ((u8 *)dst.vaddr)[0];
}

u8 after_system(u8 *buf)
{
	struct iosys_map m;

	fill_system(&m, buf);
	return ((u8 *)m.vaddr)[0];
}

u8 after_io(void __iomem *regs)
{
	struct iosys_map m;

	fill_io(&m, regs);
	return ((u8 *)m.vaddr)[0];
}
"""

# The loads of user.c: line -> (rule without facts, rule with them)
KEEP, SYSTEM, IO = 15, 23, 31
FLAGS = ["-nostdinc", "-I", corpus.INCLUDE]


def project(tmp_path, helpers=HELPERS):
    (tmp_path / "helpers.c").write_text(helpers)
    (tmp_path / "user.c").write_text(USER)
    (tmp_path / "compile_commands.json").write_text(json.dumps([
        {"directory": str(tmp_path), "file": n, "arguments": ["gcc", *FLAGS, "-c", n]}
        for n in ("helpers.c", "user.c")]))
    return tmp_path


def run(tmp_path, *args, engine=None):
    argv = [CMD, "--format=json", "-v", "-p", str(tmp_path)] + list(args)
    if engine:
        argv.insert(1, "--engine=" + engine)
    return subprocess.run(argv, capture_output=True, text=True, timeout=300, cwd=tmp_path)


def user_findings(p):
    assert p.returncode in (0, 1), p.stderr
    return sorted((f["line"], f["rule"]) for f in map(json.loads, p.stdout.splitlines())
                  if f["file"] == "user.c")


def again(p):
    m = re.search(r"^iomemcheck: (\d+) files? again", p.stderr, re.M)
    return int(m.group(1)) if m else 0


def engines():
    found = ["gcc"]
    if corpus.clang_available():
        found.append("clang")
    return found


# ---- the command --------------------------------------------------------------

@pytest.mark.parametrize("engine", engines())
def test_two_passes_then_one(tmp_path, engine):
    project(tmp_path)
    # No facts: every call is a clobber.
    p = run(tmp_path, "--no-facts", engine=engine)
    assert user_findings(p) == [(KEEP, "IOM002"), (SYSTEM, "IOM002"), (IO, "IOM002")]
    assert not (tmp_path / "iomemcheck.facts").exists()
    # First run with facts: user.c asked about helpers.c's functions, whose
    # facts came with the first pass: it runs again, once.
    p = run(tmp_path, engine=engine)
    assert user_findings(p) == [(IO, "IOM001")]
    assert again(p) == 1
    facts = (tmp_path / "iomemcheck.facts").read_text()
    assert "fn conv_keep 1 keeps\n" in facts and "fn conv_keep 2 keeps\n" in facts
    assert "fn fill_system 1 system\n" in facts and "fn fill_io 1 io\n" in facts
    assert "uses conv_keep\n" in facts
    # Nothing changed: one pass, the same findings, the same facts.
    p = run(tmp_path, engine=engine)
    assert user_findings(p) == [(IO, "IOM001")] and again(p) == 0
    assert (tmp_path / "iomemcheck.facts").read_text() == facts


def test_an_edit_reruns_only_the_files_whose_answers_changed(tmp_path):
    project(tmp_path)
    run(tmp_path, engine="gcc")
    # helpers.c now writes the map it was said to keep: I/O memory.
    (tmp_path / "helpers.c").write_text(HELPERS.replace(
        "row_copy(dst->vaddr, src->vaddr, n);",
        "row_copy(dst->vaddr, src->vaddr, n);\n\tiosys_map_set_vaddr_iomem(dst, NULL);"))
    p = run(tmp_path, engine="gcc")
    assert again(p) == 1
    assert user_findings(p) == [(KEEP, "IOM001"), (IO, "IOM001")]
    # A comment changes the bytes, not the facts: no second pass.
    (tmp_path / "helpers.c").write_text((tmp_path / "helpers.c").read_text() + "/* */\n")
    p = run(tmp_path, engine="gcc")
    assert again(p) == 0


def test_facts_of_a_file_not_in_the_run_are_kept_while_it_is_unchanged(tmp_path):
    project(tmp_path)
    run(tmp_path, engine="gcc")
    # Only user.c: helpers.c's block is still true, so it is used.
    p = run(tmp_path, "user.c", engine="gcc")
    assert user_findings(p) == [(IO, "IOM001")]
    # helpers.c changed and is not analysed: its facts are dropped, not trusted.
    (tmp_path / "helpers.c").write_text(HELPERS + "/* changed */\n")
    p = run(tmp_path, "user.c", engine="gcc")
    assert user_findings(p) == [(KEEP, "IOM002"), (SYSTEM, "IOM002"), (IO, "IOM002")]
    assert "helpers.c changed since its facts were written" in p.stderr


@pytest.mark.parametrize("damage,why", [
    (lambda t: t.replace("keeps", "sometimes", 1), "unknown kind 'sometimes'"),
    (lambda t: t.replace("fn fill_io 1 io", "fn fill_io 1 system"), "hash does not match"),
    (lambda t: t[:t.rindex("end ")], "no 'end' line"),
    (lambda t: t[:-1], "no newline"),
    (lambda t: "hello\n" + t, "not an iomemcheck fact file"),
    (lambda t: t + "fn x 1 keeps\n", "after the 'end' line"),
])
def test_a_damaged_fact_file_stops_the_run(tmp_path, damage, why):
    project(tmp_path)
    run(tmp_path, engine="gcc")
    path = tmp_path / "iomemcheck.facts"
    path.write_text(damage(path.read_text()))
    before = path.read_text()
    p = run(tmp_path, engine="gcc")
    assert p.returncode == 2 and p.stdout == ""
    assert re.search(r"^\S*iomemcheck\.facts:\d+: error: .*" + re.escape(why), p.stderr, re.M), \
        p.stderr
    assert path.read_text() == before          # never replaced behind the user
    # --no-facts goes on without it
    assert run(tmp_path, "--no-facts", engine="gcc").returncode == 1


def test_facts_file_option_and_merge(tmp_path):
    project(tmp_path)
    mine = tmp_path / "mine.facts"
    p = run(tmp_path, "--facts", str(mine), engine="gcc")
    assert user_findings(p) == [(IO, "IOM001")] and mine.exists()
    assert not (tmp_path / "iomemcheck.facts").exists()
    # --merge-facts: a folder of summaries and a fact file into one
    sums = tmp_path / "sums"
    sums.mkdir()
    for n in ("helpers.c", "user.c"):
        subprocess.run(["gcc", *FLAGS, "-c", "-o", "/dev/null", "-fplugin=" + corpus.PLUGIN,
                        "-fplugin-arg-iomemcheck-summaries=" + str(sums), n],
                       cwd=tmp_path, check=True, capture_output=True)
    assert len(os.listdir(sums)) == 2
    out = tmp_path / "merged.facts"
    p = subprocess.run([CMD, "--merge-facts", str(out), str(sums), str(mine)],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert "the facts of 2 files" in p.stderr
    assert "fn fill_io 1 io" in out.read_text()
    p = subprocess.run([CMD, "--merge-facts", str(out), str(tmp_path / "nothing")],
                       capture_output=True, text=True)
    assert p.returncode == 2 and "nothing: error: cannot read" in p.stderr
    p = subprocess.run([CMD, "--merge-facts", str(out)], capture_output=True, text=True)
    assert p.returncode == 2 and "takes the fact files" in p.stderr
    p = subprocess.run([CMD, "--summaries", str(sums), "user.c", "--", *FLAGS],
                       capture_output=True, text=True, cwd=tmp_path)
    assert p.returncode == 2 and "--facts FILE" in p.stderr


def test_two_files_that_disagree_on_one_name_give_no_fact(tmp_path):
    project(tmp_path)
    # A second definition of conv_keep (another module's) that writes its map.
    (tmp_path / "other.c").write_text(HELPERS.replace("void fill_system", "void other_fill")
                                      .replace("void fill_io", "void other_io")
                                      .replace("row_copy(dst->vaddr, src->vaddr, n);",
                                               "row_copy(dst->vaddr, src->vaddr, n);\n"
                                               "\tiosys_map_set_vaddr_iomem(dst, NULL);"))
    db = json.loads((tmp_path / "compile_commands.json").read_text())
    db.append({"directory": str(tmp_path), "file": "other.c",
               "arguments": ["gcc", *FLAGS, "-c", "other.c"]})
    (tmp_path / "compile_commands.json").write_text(json.dumps(db))
    p = run(tmp_path, engine="gcc")
    assert (KEEP, "IOM002") in user_findings(p)
    assert (SYSTEM, "IOM002") not in user_findings(p)


# Facts one engine writes and the others do not, with the reason.
KNOWN_FACT_DIFFERENCES = {
    ("sparse", "fn bo_cache_get 2 keeps"):
        "libsparse names a member at offset 0 by its container's address (sparse/paths.c): "
        "cache->map is *cache there, so the const struct pointer gets a fact; it is true",
}


def test_the_engines_write_the_same_facts(tmp_path):
    """What the plugin, libclang and libsparse summarise of the corpus' facts
    file is the same, fact for fact, but the differences written above."""
    src = os.path.join(corpus.SAMPLES, "facts", "conv-helpers.c")
    sample = corpus.Sample(src)
    blocks = {}
    for name, eng, available in corpus.ENGINES:
        if not available() or name.endswith("-O2"):
            continue
        d = tmp_path / name
        d.mkdir()
        eng(sample, opts={"summaries": str(d)})
        [f] = os.listdir(d)
        text = (d / f).read_text()
        blocks[name] = sorted(l for l in text.splitlines() if l.startswith(("fn ", "uses "))
                              and (name, l) not in KNOWN_FACT_DIFFERENCES)
    assert len(blocks) >= 2
    first = next(iter(blocks.values()))
    assert any(l.startswith("fn conv_xrgb_to_gray8 1 keeps") for l in first)
    for name, lines in blocks.items():
        assert lines == first, name


# ---- the plugin and iomemcheck-sparse ---------------------------------------------

def plugin(tmp_path, name, *args):
    return subprocess.run(["gcc", *FLAGS, "-c", "-o", "/dev/null", "-fplugin=" + corpus.PLUGIN,
                           *["-fplugin-arg-iomemcheck-" + a for a in args], name],
                          cwd=tmp_path, capture_output=True, text=True)


def sparse(tmp_path, name, *args):
    return subprocess.run([SPARSE, *FLAGS, *["-fiomemcheck-" + a for a in args], name],
                          cwd=tmp_path, capture_output=True, text=True)


def rules_of(text):
    return sorted((int(m.group(1)), m.group(2)) for m in
                  re.finditer(r"^user\.c:(\d+):\d+: warning: .*\[(IOM\d+)\]$", text, re.M))


@pytest.mark.parametrize("tool", ["plugin", "sparse"])
def test_a_build_writes_summaries_and_the_next_reads_them(tmp_path, tool):
    if tool == "sparse" and not corpus.sparse_available():
        pytest.skip("iomemcheck-sparse without the flow stage")
    go = plugin if tool == "plugin" else sparse
    project(tmp_path)
    sums = tmp_path / "sums"
    sums.mkdir()
    for n in ("helpers.c", "user.c"):
        p = go(tmp_path, n, "summaries=" + str(sums))
        assert p.returncode == 0, p.stderr
    facts = tmp_path / "tree.facts"
    assert subprocess.run([CMD, "--merge-facts", str(facts), str(sums)],
                          capture_output=True).returncode == 0
    p = go(tmp_path, "user.c")
    assert rules_of(p.stderr) == [(KEEP, "IOM002"), (SYSTEM, "IOM002"), (IO, "IOM002")]
    p = go(tmp_path, "user.c", "facts=" + str(facts))
    assert p.returncode == 0 and rules_of(p.stderr) == [(IO, "IOM001")]
    assert "(summary of helpers.c)" in p.stderr
    # a changed helpers.c: its facts are not used, and that is said once
    (tmp_path / "helpers.c").write_text(HELPERS + "\n")
    p = go(tmp_path, "user.c", "facts=" + str(facts))
    assert rules_of(p.stderr) == [(KEEP, "IOM002"), (SYSTEM, "IOM002"), (IO, "IOM002")]
    assert p.stderr.count("changed since its facts were written") == 1
    # a damaged fact file stops the compile with FILE:LINE
    facts.write_text(facts.read_text().replace("keeps", "kept"))
    p = go(tmp_path, "user.c", "facts=" + str(facts))
    assert p.returncode != 0
    assert re.search(r"tree\.facts:\d+: error: .*unknown kind 'kept'", p.stderr), p.stderr


def test_summaries_into_a_folder_that_is_not_there_fail_the_compile(tmp_path):
    project(tmp_path)
    p = plugin(tmp_path, "helpers.c", "summaries=" + str(tmp_path / "none"))
    assert p.returncode != 0 and "error: cannot write in its folder" in p.stderr


# ---- the language server ----------------------------------------------------------

@pytest.mark.skipif(not corpus.clang_available(), reason="no libclang engine")
def test_the_server_uses_the_fact_file_of_its_database(tmp_path):
    project(tmp_path)
    c = lspclient.Client()
    try:
        c.initialize()
        diags = c.diagnostics(c.open(str(tmp_path / "user.c")))["diagnostics"]
        assert sorted(d["range"]["start"]["line"] + 1 for d in diags) == [KEEP, SYSTEM, IO]
        c.shutdown()
    finally:
        c.kill()
    run(tmp_path)       # writes iomemcheck.facts beside the database
    c = lspclient.Client()
    try:
        c.initialize()
        diags = c.diagnostics(c.open(str(tmp_path / "user.c")))["diagnostics"]
        assert [(d["range"]["start"]["line"] + 1, d["code"]) for d in diags] == [(IO, "IOM001")]
        c.shutdown()
    finally:
        c.kill()


# ---- a DRM driver's backend -------------------------------------------------------

def test_a_folder_takes_the_backend_of_its_driver(tmp_path):
    """The plane file asks which driver its folder has: the first run learns
    it from the driver file's block and runs the plane file again; a second
    driver in the folder whose backend the rules do not know spoils it."""
    for n in ("usbpanel-drv.c", "usbpanel-plane.c"):
        shutil.copy(os.path.join(corpus.SAMPLES, n), tmp_path / n)
    names = ["usbpanel-drv.c", "usbpanel-plane.c"]

    def database():
        (tmp_path / "compile_commands.json").write_text(json.dumps([
            {"directory": str(tmp_path), "file": n, "arguments": ["gcc", *FLAGS, "-c", n]}
            for n in names]))

    def plane(p):
        assert p.returncode in (0, 1), p.stderr
        return sorted(f["line"] for f in map(json.loads, p.stdout.splitlines())
                      if f["file"] == "usbpanel-plane.c")

    database()
    expected = sorted(line for line, _ in corpus.Sample(
        os.path.join(corpus.SAMPLES, "usbpanel-plane.c")).expected)
    alone = plane(run(tmp_path, "--no-facts", engine="gcc"))
    assert len(alone) > len(expected)
    p = run(tmp_path, engine="gcc")
    assert plane(p) == expected and again(p) == 1
    facts = (tmp_path / "iomemcheck.facts").read_text()
    assert "driver system\n" in facts and "uses-driver\n" in facts
    p = run(tmp_path, engine="gcc")
    assert plane(p) == expected and again(p) == 0
    # A VRAM driver joins the folder: the plane file runs again, unsilenced.
    shutil.copy(os.path.join(corpus.SAMPLES, "vrampanel-drv.c"), tmp_path / "vrampanel-drv.c")
    names.append("vrampanel-drv.c")
    database()
    p = run(tmp_path, engine="gcc")
    assert plane(p) == alone and again(p) == 1


def test_a_fact_file_that_cannot_be_written(tmp_path):
    """Beside a read-only database the facts are not kept (a warning, the
    findings stand); a --facts FILE that cannot be written is an error."""
    project(tmp_path)
    # a link to nothing: read as no file yet, never written through
    (tmp_path / "iomemcheck.facts").symlink_to(tmp_path / "gone" / "facts")
    p = run(tmp_path, engine="gcc")
    assert p.returncode == 1 and user_findings(p) == [(IO, "IOM001")]
    assert "warning:" in p.stderr and "the facts are not kept" in p.stderr
    p = run(tmp_path, "--facts", str(tmp_path / "iomemcheck.facts"), engine="gcc")
    assert p.returncode == 2 and "iomemcheck.facts" in p.stderr
