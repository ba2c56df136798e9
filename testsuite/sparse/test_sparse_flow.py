"""The flow stage of iomemcheck-sparse (libsparse): IOM001-IOM008 from the
same `make C=1 CHECK=iomemcheck-sparse` run, sparse's own output untouched.

Skipped when the program was built without libsparse (no ", flow" in
--version).  The corpus itself runs through this engine in
testsuite/run.py (engine "sparse"); these tests pin the program's contract.
"""
import re
import subprocess
from pathlib import Path

import pytest

from sparse_helpers import REPO, CHECKFLAGS, run

SAMPLES = REPO / "kernel-samples"
INCLUDE = ["-nostdinc", "-I", "kernel-samples/include"]
FINDING = re.compile(r"^(?P<loc>[^:]+:\d+:\d+): (?P<pfx>[a-z-]+: )?(?P<sev>warning|error): "
                     r".* \[(?P<rule>IOM0\d\d)\]$")


@pytest.fixture
def flow(binary, env):
    v = run([binary, "--version"]).stdout
    if ", flow" not in v:
        pytest.skip("built without libsparse (make builds it from Debian's source)")
    e = dict(env)
    e.pop("IOMEMCHECK_SPARSE_FLOW", None)
    return binary, e


def sample(name):
    return str(Path("kernel-samples") / name)


def findings(text):
    return [(m.group("loc"), m.group("rule")) for m in map(FINDING.match, text.splitlines()) if m]


def test_flow_findings_in_sparse_format(flow):
    binary, env = flow
    r = run([binary] + CHECKFLAGS + INCLUDE + [sample("blit-null-check-raw-vaddr.c")],
            cwd=REPO, env=env)
    assert r.returncode == 0, r.stderr
    assert findings(r.stderr) == [("kernel-samples/blit-null-check-raw-vaddr.c:21:7", "IOM006")]


def test_sparse_output_is_stock(flow):
    """Every line stock sparse prints comes first, unchanged and in order;
    the lines added are findings with a rule id (and their notes)."""
    binary, env = flow
    args = CHECKFLAGS + INCLUDE + [sample("branch-per-kind-raw-null-tests.c")]
    ours = run([binary] + args, cwd=REPO, env=env).stderr.splitlines()
    stock = run(["sparse"] + args, cwd=REPO, env=env).stderr.splitlines()
    assert stock, "the sample should make sparse say something"
    assert ours[:len(stock)] == stock
    added = ours[len(stock):]
    assert added and all(FINDING.match(l) or ": note: " in l for l in added), added


def test_strict_mode_only_when_asked(flow):
    binary, env = flow
    args = CHECKFLAGS + INCLUDE + [sample("strict-param-raw-store.c")]
    plain = run([binary] + args, cwd=REPO, env=env).stderr
    assert "__iosys" not in plain and "[IOM010]" not in plain
    strict = run([binary, "-fiomemcheck-enable=IOM010"] + args, cwd=REPO, env=env).stderr
    tagged = [l for l in strict.splitlines() if l.endswith("[IOM010]")]
    assert tagged and "__iosys" in strict
    # the flow's own IOM010 on a line sparse tagged is not printed twice
    lines = [l.split(":")[1] for l in tagged]
    assert len(lines) == len(set(lines))
    assert ("kernel-samples/strict-param-raw-store.c:21:10", "IOM002") in findings(strict)


def test_sparse_error_makes_findings_fail(flow):
    binary, env = flow
    args = CHECKFLAGS + INCLUDE + ["-Wno-decl", sample("blit-null-check-raw-vaddr.c")]
    assert run([binary] + args, cwd=REPO, env=env).returncode == 0
    r = run([binary, "-Wsparse-error"] + args, cwd=REPO, env=env)
    assert r.returncode == 1
    assert any(m.group("sev") == "error" for m in map(FINDING.match, r.stderr.splitlines()) if m)
    # stock sparse alone is silent here (-Wno-decl): the exit is the finding's
    assert run(["sparse", "-Wsparse-error"] + args, cwd=REPO, env=env).returncode == 0


def test_diagnostic_prefix(flow):
    binary, env = flow
    base = CHECKFLAGS + INCLUDE + [sample("blit-null-check-raw-vaddr.c")]
    r = run([binary, "-fdiagnostic-prefix"] + base, cwd=REPO, env=env)
    assert "blit-null-check-raw-vaddr.c:21:7: sparse: warning: " in r.stderr
    r = run([binary, "-fdiagnostic-prefix=iomem"] + base, cwd=REPO, env=env)
    assert "blit-null-check-raw-vaddr.c:21:7: iomem: warning: " in r.stderr


def test_max_warnings_and_kbuild_words_accepted(flow):
    binary, env = flow
    r = run([binary, "-fmax-warnings=unlimited", "-Wp,-MMD,/dev/null", "-fplugin=/x.so",
             "-fplugin-arg-iomemcheck-json=/nonexistent", "-O2", "-pg"] + CHECKFLAGS +
            INCLUDE + [sample("blit-null-check-raw-vaddr.c")], cwd=REPO, env=env)
    assert r.returncode == 0
    assert findings(r.stderr) == [("kernel-samples/blit-null-check-raw-vaddr.c:21:7", "IOM006")]


def test_bad_engine_option_is_one_line(flow):
    binary, env = flow
    r = run([binary, "-fiomemcheck-enable=IOM999", sample("blit-null-check-raw-vaddr.c")],
            cwd=REPO, env=env)
    assert r.returncode == 2
    assert len(r.stderr.splitlines()) == 1 and "error" in r.stderr
    r = run([binary, "-fiomemcheck-rules=/nonexistent.rules",
             sample("blit-null-check-raw-vaddr.c")], cwd=REPO, env=env)
    assert r.returncode == 2 and "nonexistent.rules" in r.stderr


def test_disable_rule(flow):
    binary, env = flow
    r = run([binary, "-fiomemcheck-disable=IOM006"] + CHECKFLAGS + INCLUDE +
            [sample("blit-null-check-raw-vaddr.c")], cwd=REPO, env=env)
    assert r.returncode == 0 and findings(r.stderr) == []


def test_checker_valid_probe_with_flow(flow, tmp_path):
    binary, env = flow
    probe = tmp_path / "probe.c"
    probe.write_text("int probe(const int *q)\n{\n\t__typeof_unqual__(*q) v = *q;\n"
                     "\treturn v;\n}\n")
    r = subprocess.run([binary] + CHECKFLAGS + [str(probe)], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, env=env)
    assert "error" not in r.stdout and r.returncode == 0


def test_one_parse_knows_typeof_unqual_without_a_define(flow, tmp_path):
    """The one parse (sparse's checks and the flow stage) has the keyword
    itself: no -D__typeof_unqual__ reaches the preprocessor."""
    binary, env = flow
    probe = tmp_path / "probe.c"
    probe.write_text("#ifdef __typeof_unqual__\n#error defined away\n#endif\n"
                     "int probe(const int *q)\n{\n\t__typeof_unqual__(*q) v = *q;\n"
                     "\treturn v;\n}\n")
    r = run([binary] + CHECKFLAGS + [str(probe)], env=env)
    assert r.returncode == 0 and "error" not in r.stderr, r.stderr
    # a sparse run as a program (strict mode only) still gets the define
    off = dict(env, IOMEMCHECK_SPARSE_FLOW="off")
    assert "defined away" in run([binary] + CHECKFLAGS + [str(probe)], env=off).stderr


def test_stage_crash_is_not_a_build_failure(flow, tmp_path):
    """A file libsparse cannot parse costs its findings, not the build."""
    binary, env = flow
    bad = tmp_path / "bad.c"
    bad.write_text("struct { int x; } f(void) { return 1 +; }\n")
    r = run([binary, str(bad)], env=env)
    assert r.returncode == 0
    assert "error:" in r.stderr  # sparse's own message, as stock sparse prints it
    assert r.stderr == run(["sparse", str(bad)], env=env).stderr


def test_typeof_unqual_is_a_keyword_of_the_flow_parse(flow, tmp_path):
    """READ_ONCE of new kernels: the flow stage parses __typeof_unqual__
    itself (no define), so the read through the declared copy is analysed."""
    binary, env = flow
    src = tmp_path / "tu.c"
    src.write_text("struct iosys_map { void *vaddr; _Bool is_iomem; };\n"
                   "static int g(struct iosys_map *m)\n{\n"
                   "\t__typeof_unqual__(m->vaddr) p = m->vaddr;\n"
                   "\treturn *(int *)p;\n}\n")
    r = run([binary, str(src)], env=env)
    assert r.returncode == 0 and "error" not in r.stderr
    assert [f[1] for f in findings(r.stderr)] == ["IOM002"]
    assert findings(r.stderr)[0][0] == "%s:5:17" % src
    # with the define left out for stock sparse, only sparse's own run complains
    native = dict(env, IOMEMCHECK_SPARSE_TYPEOF_UNQUAL="native")
    r = run([binary, str(src)], env=native)
    assert "error" in r.stderr and [f[1] for f in findings(r.stderr)] == ["IOM002"]


def test_libsparse_source_is_cached(flow):
    """make built libsparse once: scripts/need-sparse-source then only names
    it, and touches no APT source file."""
    script = REPO / "scripts" / "need-sparse-source"
    watched = [p for p in Path("/etc/apt").rglob("*") if p.is_file() and
               (p.name == "sources.list" or p.suffix in (".list", ".sources"))]
    before = {p: p.stat().st_mtime_ns for p in watched}
    r = run([str(script), "build/sparse-src"], cwd=REPO)
    assert r.returncode == 0 and r.stderr == ""
    src = REPO / r.stdout.strip()
    assert (src / "libsparse.a").is_file() and (src / "sparse.c").is_file()
    assert {p: p.stat().st_mtime_ns for p in watched} == before


def test_json_lines(flow, tmp_path):
    binary, env = flow
    out = tmp_path / "f.json"
    args = CHECKFLAGS + INCLUDE + [sample("blit-null-check-raw-vaddr.c")]
    r = run([binary, "-fiomemcheck-json=%s" % out] + args, cwd=REPO, env=env)
    assert r.returncode == 0
    lines = out.read_text().splitlines()
    assert len(lines) == 1 and '"rule":"IOM006"' in lines[0] and '"line":21' in lines[0]
    r = run([binary, "-fiomemcheck-json=%s" % (tmp_path / "no" / "f.json")] + args,
            cwd=REPO, env=env)
    assert r.returncode == 2
    assert [l for l in r.stderr.splitlines() if "error" in l] == [
        "iomemcheck-sparse: error: cannot open '%s' for appending: No such file or directory"
        % (tmp_path / "no" / "f.json")]


def test_one_parse_keeps_inlining_for_sparse_and_none_for_the_flow(flow, tmp_path):
    """One parse: sparse's checks still see the inline helper inlined (its
    context imbalance warning depends on it, stock text and order), the flow
    stage still sees the call (no inlining: IOM002 in the caller, with a byte
    column after tabs), and the column of sparse's own warning keeps its tab
    stop."""
    binary, env = flow
    src = tmp_path / "ctx.c"
    src.write_text(
        "struct iosys_map { void *vaddr; _Bool is_iomem; };\n"
        "extern void lk(void) __attribute__((context(x, 0, 1)));\n"
        "static inline void grab(void) { lk(); }\n"
        "int use(struct iosys_map *m)\n{\n"
        "\tgrab();\n"
        "\treturn\t*(int *)m->vaddr;\n}\n"
        "void *p = (void *)1 - 1;\n")
    ours = run([binary, "-Wall", str(src)], env=env)
    stock = run(["sparse", "-Wall", str(src)], env=env)
    assert "context imbalance" in stock.stderr, stock.stderr
    assert ours.returncode == stock.returncode == 0
    assert ours.stderr.startswith(stock.stderr)
    added = ours.stderr[len(stock.stderr):]
    assert findings(added) == [("%s:7:17" % src, "IOM002")], added


HEADER_HELPER = """\
#include <linux/iosys-map.h>
struct mybo { struct iosys_map map; size_t size; };
static inline bool mybo_vram(const struct mybo *bo)
{
	return RESULT;
}
"""

HEADER_CALLER = """\
#include <linux/kernel.h>
#include <linux/io.h>
#include <linux/string.h>
#include "mybo.h"

void mybo_clear(struct mybo *bo)
{
	if (mybo_vram(bo))
		memset_io(bo->map.vaddr_iomem, 0, bo->size);
	else
		memset(bo->map.vaddr, 0, bo->size);
}
"""


@pytest.mark.parametrize("result,want", [("bo->map.is_iomem", []),
                                         ("bo->size > 4096", [(9, "IOM004"), (11, "IOM003")])])
def test_flag_returned_by_a_header_inline_function(flow, tmp_path, result, want):
    """GCC analyses a header's inline function the file calls: the flag it
    returns reaches the caller here too (its summary, no findings of it)."""
    binary, env = flow
    (tmp_path / "mybo.h").write_text(HEADER_HELPER.replace("RESULT", result))
    src = tmp_path / "caller.c"
    src.write_text(HEADER_CALLER)
    r = run([binary] + INCLUDE + ["-I", str(tmp_path), str(src)], cwd=REPO, env=env)
    assert r.returncode == 0, r.stderr
    assert [(int(loc.split(":")[1]), rule) for loc, rule in findings(r.stderr)] == want


GUARDED_WORKER = """\
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/io.h>
#include <linux/iosys-map.h>

static void emit(struct iosys_map *m, bool io, size_t len)
{
	if (io)
		memset_io(m->vaddr_iomem, 0, len);
	else
		memset(m->vaddr, 0, len);
}

void user(struct iosys_map *m, size_t len)
{
	emit(m, m->is_iomem, len);
}
ESCAPE
"""


@pytest.mark.parametrize("escape,want", [
    ("", []),
    ("void (*hook)(struct iosys_map *, bool, size_t) = emit;", [(9, "IOM004"), (11, "IOM003")]),
    ("void other(struct iosys_map *m) { void (*f)(struct iosys_map *, bool, size_t) = &emit;"
     " f(m, 1, 0); }", [(9, "IOM004"), (11, "IOM003")]),
    ("void other(struct iosys_map *m) { emit(m, 0, 1); }", [(9, "IOM004"), (11, "IOM003")]),
])
def test_guard_passed_in_a_bool_needs_every_call(flow, tmp_path, escape, want):
    """A static worker knows its bool parameter is the map's flag only when
    every call is a direct call that passes it: a pointer to the function
    (in an initialiser or in code) or another call loses it."""
    binary, env = flow
    src = tmp_path / "worker.c"
    src.write_text(GUARDED_WORKER.replace("ESCAPE", escape))
    r = run([binary] + INCLUDE + [str(src)], cwd=REPO, env=env)
    assert r.returncode == 0, r.stderr
    assert [(int(loc.split(":")[1]), rule) for loc, rule in findings(r.stderr)] == want
