"""The plugin under every GCC it is built for, and the version check.

A GCC plugin is only valid inside the compiler it was built against.  Each
build (gcc/iomemcheck.so for the default gcc, build/gcc/gcc-11/ after
`make GCC=gcc-11`) is loaded into every installed GCC: the same compiler
checks the code, any other refuses with one line naming both versions.
"""
import os
import re
import shutil
import subprocess

import pytest

import corpus

# Debian 12 ships these two with plugin headers; the default gcc is one of them.
OTHER_GCCS = ("gcc-11", "gcc-12")

SOURCE = r"""
#include <linux/iosys-map.h>
void fill(struct iosys_map *map, u32 v)
{
	*(u32 *)map->vaddr = v;
}
"""

REFUSAL = re.compile(r"^cc1: error: iomemcheck: built for GCC (\S+) \(\d+\), this is GCC (\S+) "
                     r"\(\d+\): rebuild the plugin with this compiler \(make GCC=gcc-(\d+)\)$")


def compilers():
    found = list(corpus.gcc_builds())
    return found + [c for c in OTHER_GCCS if c not in found and shutil.which(c)]


def out(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()


def cc1(compiler):
    """The compiler proper: two driver names are the same GCC when it is."""
    return os.path.realpath(out(compiler, "-print-prog-name=cc1"))


def version(compiler):
    return out(compiler, "-dumpfullversion")


def compile_with(compiler, plugin, tmp_path, *args):
    src = tmp_path / "t.c"
    src.write_text(SOURCE)
    return subprocess.run([compiler, "-c", "-O2", "-nostdinc", "-I", corpus.INCLUDE,
                           "-o", "/dev/null", "-fplugin=" + plugin, *args, str(src)],
                          capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))


PAIRS = [(b, c) for b in corpus.gcc_builds() if corpus.plugin_available(b) for c in compilers()]


@pytest.mark.parametrize("built,running", PAIRS, ids=[f"{b}-build-in-{c}" for b, c in PAIRS])
def test_plugin_runs_only_in_its_own_gcc(built, running, tmp_path):
    p = compile_with(running, corpus.plugin_of(built), tmp_path)
    if cc1(built) == cc1(running):
        assert p.returncode == 0, p.stderr
        assert [r for _, r in corpus.parse_findings(p.stderr)] == ["IOM002"]
        return
    assert p.returncode != 0
    lines = p.stderr.splitlines()
    assert len(lines) == 1, p.stderr
    m = REFUSAL.match(lines[0])
    assert m, lines[0]
    assert m.groups() == (version(built), version(running), version(running).split(".")[0])


def test_minus_w_silences_findings_but_not_errors(tmp_path):
    # -w is read through gcc-common.h (a field GCC 14 renamed).
    p = compile_with(corpus.GCC, corpus.PLUGIN, tmp_path, "-w")
    assert p.returncode == 0 and "IOM002" not in p.stderr
    p = compile_with(corpus.GCC, corpus.PLUGIN, tmp_path, "-w",
                     "-fplugin-arg-iomemcheck-error")
    assert p.returncode != 0 and "[IOM002]" in p.stderr


def run_py(*args):
    return subprocess.run(["/usr/bin/python3", os.path.join(corpus.ROOT, "testsuite", "run.py"),
                           *args], capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))


def test_corpus_engines_are_selected_by_compiler_or_name():
    sample = "switch-case-io-plain-store.c"
    assert os.path.exists(os.path.join(corpus.SAMPLES, sample))
    p = run_py(f"--engine={corpus.GCC}", sample)
    assert p.returncode == 0, p.stdout
    assert f"1 samples x 2 engines ({corpus.GCC}-O0, {corpus.GCC}-O2): 2 match" in p.stdout
    p = run_py(f"--engine={corpus.GCC}-O2", sample)
    assert f"1 samples x 1 engines ({corpus.GCC}-O2): 1 match" in p.stdout
    p = run_py("--engine=gcc-0", sample)
    assert p.returncode == 1
    assert p.stdout.splitlines() == [
        "corpus: error: unknown engine gcc-0 (known: "
        + ", ".join(e[0] for e in corpus.ENGINES) + ")"]
