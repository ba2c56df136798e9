"""Helpers and fixtures for the iomemcheck-sparse tests (strict mode, IOM010).

The tests run the real program against stock sparse: a small fake kernel
tree (data/tree, written for these tests) is copied into a temporary
directory for each test, and every run gets its own TMPDIR, so the header
cache starts empty and the copied tree can be checked for modifications.
"""
import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DATA = HERE / "data"
EXPECTED = DATA / "expected"
BIN = Path(os.environ.get("IOMEMCHECK_SPARSE_BIN",
                          REPO / "sparse" / "iomemcheck-sparse"))
TAG = " [IOM010]"

# $(CHECKFLAGS) of an x86_64 kernel build.
CHECKFLAGS = [
    "-D__linux__", "-Dlinux", "-D__STDC__", "-Dunix", "-D__unix__",
    "-Wbitwise", "-Wno-return-void", "-Wno-unknown-attribute",
    "-D__x86_64__", "--arch=x86", "-mlittle-endian", "-m64",
]

# The include flags kbuild puts into $(c_flags), run from the tree's top.
INCLUDES = [
    "-I./include", "-include", "./include/linux/kconfig.h",
    "-include", "./include/linux/compiler_types.h",
]


def gcc_include_dir():
    try:
        out = subprocess.run(["gcc", "-print-file-name=include"],
                             capture_output=True, text=True).stdout.strip()
    except OSError:
        return None
    return out if out and os.path.isdir(out) else None


def kbuild_argv(src):
    """$(CHECKFLAGS) $(c_flags) SRC as kbuild passes them to $(CHECK)."""
    base = Path(src).stem
    flags = list(CHECKFLAGS)
    flags.append("-Wp,-MMD,%s/.%s.o.d" % (os.path.dirname(src), base))
    flags.append("-nostdinc")
    gi = gcc_include_dir()
    if gi:
        flags += ["-isystem", gi]
    flags += ["-I./arch/x86/include", "-I./arch/x86/include/generated"]
    flags += INCLUDES
    flags += [
        "-D__KERNEL__", "-fmacro-prefix-map=./=", "-Wall", "-Wundef",
        "-Werror=strict-prototypes", "-fno-strict-aliasing", "-fno-common",
        "-std=gnu11", "-mno-sse", "-mno-red-zone", "-mcmodel=kernel",
        "-O2", "-fno-omit-frame-pointer", "-pg", "-mrecord-mcount",
        "-mfentry", "-fconserve-stack",
        "-fplugin=/nonexistent/iomemcheck.so",
        "-fplugin-arg-iomemcheck-json=/nonexistent/findings.json",
        "-DMODULE", '-DKBUILD_BASENAME="%s"' % base,
        '-DKBUILD_MODNAME="m"', "-D__KBUILD_MODNAME=kmod_m",
    ]
    return flags + [src]


@pytest.fixture(scope="session")
def binary():
    if "IOMEMCHECK_SPARSE_BIN" not in os.environ:
        subprocess.run(["make", "-s", "-C", str(REPO / "sparse"), "all"],
                       check=True)
    assert BIN.is_file(), "%s was not built" % BIN
    if not shutil.which("sparse"):
        pytest.skip("stock sparse is not installed (apt-get install sparse)")
    return str(BIN)


@pytest.fixture
def tree(tmp_path):
    """A fresh copy of the fake kernel tree."""
    dst = tmp_path / "linux"
    shutil.copytree(DATA / "tree", dst)
    return dst


@pytest.fixture
def env(tmp_path):
    e = {k: v for k, v in os.environ.items()
         if not k.startswith("IOMEMCHECK_SPARSE")}
    tmp = tmp_path / "tmpdir"
    tmp.mkdir()
    e["TMPDIR"] = str(tmp)
    e["LC_ALL"] = "C"
    # strict mode alone, as without libsparse (the flow stage: test_sparse_flow.py)
    e["IOMEMCHECK_SPARSE_FLOW"] = "off"
    return e


def cache_root(env):
    return Path(env["TMPDIR"]) / ("iomemcheck-sparse-%d" % os.getuid())


def run(cmd, cwd=None, env=None, **kw):
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True,
                          text=True, **kw)


def check(binary, args, cwd, env):
    """Run iomemcheck-sparse as a CHECK= program."""
    return run([binary] + list(args), cwd=cwd, env=env)


def stock(args, cwd, env):
    """Run stock sparse with the same arguments."""
    return run(["sparse"] + list(args), cwd=cwd, env=env)


def untag(text):
    return text.replace(TAG + "\n", "\n")


def tagged_lines(text):
    """Source lines of the IOM010 diagnostics: {(file, line)}."""
    out = set()
    for l in text.splitlines():
        if l.endswith(TAG):
            m = re.match(r"(.*?):(\d+):\d+: ", l)
            out.add((m.group(1), int(m.group(2))))
    return out


def expected_lines(path, rule="IOM010", display=None):
    """Lines carrying an `expect:` marker that names rule."""
    out = set()
    for n, l in enumerate(Path(path).read_text().splitlines(), 1):
        m = re.search(r"/\* expect: ([A-Z0-9, ]+) \*/", l)
        if m and rule in [r.strip() for r in m.group(1).split(",")]:
            out.add((display or str(path), n))
    return out


def is_subsequence(small, big):
    it = iter(big)
    return all(any(x == y for y in it) for x in small)


def tree_digest(root):
    h = hashlib.sha256()
    for p in sorted(Path(root).rglob("*")):
        h.update(str(p.relative_to(root)).encode())
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()
