"""iomemcheck-sparse as a CHECK= program: stock sparse, annotated headers,
[IOM010] tags, everything else left as sparse prints it."""
import os
import re
import shlex
import subprocess
from concurrent.futures import ThreadPoolExecutor
import pytest

from sparse_helpers import (CHECKFLAGS, EXPECTED, INCLUDES, REPO, TAG,
                            cache_root, check, expected_lines, kbuild_argv,
                            run, stock, tagged_lines, tree_digest)

DRM = "drivers/gpu/drm"
SAMPLES = ["strict-raw.c", "dma-buf-raw.c", "deref.c", "suppress.c",
           "helpers.c", "unrelated.c", "read-once.c"]


@pytest.mark.parametrize("sample", SAMPLES)
def test_tags_match_markers(binary, tree, env, sample):
    src = "%s/%s" % (DRM, sample)
    r = check(binary, kbuild_argv(src), tree, env)
    assert r.returncode == 0, r.stderr
    assert tagged_lines(r.stderr) == expected_lines(tree / src, display=src)
    # no diagnostic inside the helper headers, nor in the cached copies
    assert "-map.h" not in r.stderr
    assert "iomemcheck-sparse-" not in r.stderr


def added_lines(plain, ours):
    """The lines of ours that are not stock sparse's (which must all be in
    ours, in their order, possibly tagged)."""
    plain_lines = plain.splitlines()
    extra, k = [], 0
    for l in ours.splitlines():
        if k < len(plain_lines) and l in (plain_lines[k], plain_lines[k] + TAG):
            k += 1
        else:
            extra.append(l)
    assert k == len(plain_lines), "stock line lost: %r" % plain_lines[k]
    return extra


@pytest.mark.parametrize("sample", [s for s in SAMPLES if s != "deref.c"])
def test_stock_output_is_kept(binary, tree, env, sample):
    """Every line stock sparse prints is printed, in the same order, and
    every diagnostic added is IOM010."""
    src = "%s/%s" % (DRM, sample)
    ours = check(binary, kbuild_argv(src), tree, env)
    plain = stock(kbuild_argv(src), tree, env)
    assert plain.returncode == ours.returncode
    extra = added_lines(plain.stderr, ours.stderr)
    heads = [l for l in extra if re.search(r":\d+:\d+: (warning|error): ", l)]
    assert all(l.endswith(TAG) for l in heads), heads
    assert len(heads) == len(expected_lines(tree / src))


def test_kbuild_argv_golden(binary, tree, env):
    src = "%s/strict-raw.c" % DRM
    r = check(binary, kbuild_argv(src), tree, env)
    assert r.returncode == 0
    assert r.stdout == ""
    assert r.stderr == (EXPECTED / "strict-raw.out").read_text()
    # -Wp,-MMD,... is not acted on, -fplugin= is not looked at
    assert not (tree / DRM / ".strict-raw.o.d").exists()


def test_unrelated_output_is_byte_identical(binary, tree, env):
    src = "%s/unrelated.c" % DRM
    ours = check(binary, kbuild_argv(src), tree, env)
    plain = stock(kbuild_argv(src), tree, env)
    assert plain.stderr.count("warning:") >= 2     # there is something to keep
    assert ours.stderr == plain.stderr
    assert ours.returncode == plain.returncode == 0


def test_helpers_are_silent(binary, tree, env):
    r = check(binary, kbuild_argv("%s/helpers.c" % DRM), tree, env)
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")


def test_suppressed_stock_warnings_are_put_back(binary, tree, env):
    src = "%s/suppress.c" % DRM
    ours = check(binary, INCLUDES + [src], tree, env)
    assert ours.stderr == (EXPECTED / "suppress.out").read_text()
    # the annotated run alone really lost them: run sparse on the cached copy
    copy = next(cache_root(env).glob("*/include/linux/iosys-map.h"))
    base = copy.parents[2]
    raw = stock(["-I%s/include" % base, "-include",
                 str(base / "iomemcheck-preamble.h")] + INCLUDES + [src],
                tree, env)
    assert "dereference of noderef expression" not in raw.stderr
    assert ours.stderr.count("dereference of noderef expression") == 2


def test_patched_tree_is_its_own_stock(binary, tree, env):
    """In a patched tree, stock sparse already sees the annotation: nothing
    is put back, derefs are still attributed."""
    patch = run([binary, "--patch", str(tree)]).stdout
    subprocess.run(["patch", "-p1", "-s"], input=patch, cwd=tree, check=True,
                   text=True)
    src = "%s/suppress.c" % DRM
    ours = check(binary, INCLUDES + [src], tree, env)
    plain = stock(INCLUDES + [src], tree, env)
    assert "dereference" not in plain.stderr        # silenced by the error
    assert ours.stderr == plain.stderr.replace(
        "(different address spaces)\n", "(different address spaces)" + TAG + "\n")
    deref = check(binary, INCLUDES + ["%s/deref.c" % DRM], tree, env)
    assert deref.stderr == (EXPECTED / "deref.out").read_text()


def test_noderef_dereference_attribution(binary, tree, env):
    src = "%s/deref.c" % DRM
    r = check(binary, INCLUDES + [src], tree, env)
    assert r.stderr == (EXPECTED / "deref.out").read_text()
    derefs = [l for l in r.stderr.splitlines() if "dereference of noderef" in l]
    assert len(derefs) == 4
    assert sum(l.endswith(TAG) for l in derefs) == 2


def test_duplicate_is_printed_once(binary, tree, env):
    src = "%s/read-once.c" % DRM
    patch = run([binary, "--patch", str(tree)]).stdout
    subprocess.run(["patch", "-p1", "-s"], input=patch, cwd=tree, check=True,
                   text=True)
    plain = stock(INCLUDES + [src], tree, env)
    ours = check(binary, INCLUDES + [src], tree, env)
    line = ("%s:9:16: warning: cast removes address space '__iosys' of "
            "expression" % src)
    assert plain.stderr == (line + "\n") * 2
    assert ours.stderr == line + TAG + "\n"


def test_sparse_error_exit_codes(binary, tree, env):
    src = "%s/strict-raw.c" % DRM
    r = check(binary, kbuild_argv(src)[:-1] + ["-Wsparse-error", src], tree, env)
    plain = stock(kbuild_argv(src)[:-1] + ["-Wsparse-error", src], tree, env)
    assert plain.returncode == 0            # nothing without the annotation
    assert r.returncode == 1
    heads = [l for l in r.stderr.splitlines() if ": error: " in l]
    assert len(heads) == 9 and all(l.endswith(TAG) for l in heads)
    assert "warning:" not in r.stderr
    ok = check(binary, ["-Wsparse-error"] + INCLUDES + ["%s/helpers.c" % DRM],
               tree, env)
    assert (ok.returncode, ok.stderr) == (0, "")


def test_missing_file_is_sparse_error(binary, tree, env):
    r = check(binary, INCLUDES + ["nosuch.c"], tree, env)
    assert r.returncode == 1
    assert r.stderr == stock(INCLUDES + ["nosuch.c"], tree, env).stderr


def test_diagnostic_prefix(binary, tree, env):
    src = "%s/dma-buf-raw.c" % DRM
    r = check(binary, ["-fdiagnostic-prefix=smatch-like"] + INCLUDES + [src],
              tree, env)
    lines = r.stderr.splitlines()
    assert len(lines) == 6
    assert lines[0] == ("%s:17:33: smatch-like: warning: incorrect type in "
                        "assignment (different address spaces)%s" % (src, TAG))
    assert lines[1].startswith("%s:17:33: smatch-like:    expected" % src)
    assert sum(l.endswith(TAG) for l in lines) == 2


# A probe in the spirit of the kernel's scripts/checker-valid.sh (2026): the
# checker must print nothing that contains "error" for __typeof_unqual__.
PROBE = "int probe(const int *q)\n{\n\t__typeof_unqual__(*q) v = *q;\n\treturn v;\n}\n"


def checker_valid(cmd, tmp_path, env):
    probe = tmp_path / "probe.c"
    probe.write_text(PROBE)
    r = subprocess.run(cmd + [str(probe)], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, env=env)
    return "0" if "error" in r.stdout else "1"


def test_checker_valid_probe(binary, tmp_path, env):
    assert checker_valid([binary] + CHECKFLAGS, tmp_path, env) == "1"
    # the probe can fail: stock sparse 0.6.4 and the opt-out do
    assert checker_valid(["sparse"] + CHECKFLAGS, tmp_path, env) == "0"
    native = dict(env, IOMEMCHECK_SPARSE_TYPEOF_UNQUAL="native")
    assert checker_valid([binary] + CHECKFLAGS, tmp_path, native) == "0"


def test_typeof_unqual_in_kernel_headers(binary, tree, env):
    """New kernels give the checker __typeof_unqual__ in READ_ONCE()."""
    types = tree / "include" / "linux" / "types.h"
    types.write_text(types.read_text().replace(
        "#define READ_ONCE(x)\t\t(*(const volatile __typeof__(x) *)&(x))",
        "#define READ_ONCE(x)\t\t({ __typeof_unqual__(x) __v = "
        "*(const volatile __typeof__(x) *)&(x); __v; })"))
    assert "__typeof_unqual__" in types.read_text()
    r = check(binary, kbuild_argv("%s/helpers.c" % DRM), tree, env)
    assert (r.returncode, r.stderr) == (0, "")
    assert "error" in stock(kbuild_argv("%s/helpers.c" % DRM), tree, env).stderr


def test_tree_untouched_and_cache(binary, tree, env):
    before = tree_digest(tree)
    r = check(binary, kbuild_argv("%s/strict-raw.c" % DRM), tree, env)
    assert r.returncode == 0
    assert tree_digest(tree) == before
    root = cache_root(env)
    assert oct(root.stat().st_mode & 0o777) == "0o700"
    copies = sorted(root.glob("*/include/linux/*.h"))
    assert sorted(c.name for c in copies) == ["dma-buf-map.h", "iosys-map.h"]
    for c in copies:
        assert re.fullmatch(r"[0-9a-f]{32}", c.parents[2].name)
        want = run([binary, "--annotate", str(tree / "include/linux" / c.name)])
        assert c.read_text() == want.stdout
        assert (c.parents[2] / "iomemcheck-preamble.h").read_text() == \
            run([binary, "--preamble"]).stdout
    assert not [p for p in root.rglob("*") if ".tmp." in p.name]
    # a second run reuses the copies
    stamps = [(c.stat().st_ino, c.stat().st_mtime_ns) for c in copies]
    check(binary, kbuild_argv("%s/strict-raw.c" % DRM), tree, env)
    assert [(c.stat().st_ino, c.stat().st_mtime_ns) for c in copies] == stamps


def test_changed_header_gets_a_new_copy(binary, tree, env):
    src = "%s/strict-raw.c" % DRM
    check(binary, INCLUDES + [src], tree, env)
    h = tree / "include" / "linux" / "iosys-map.h"
    h.write_text(h.read_text() + "/* changed */\n")
    check(binary, INCLUDES + [src], tree, env)
    assert len(list(cache_root(env).glob("*/include/linux/iosys-map.h"))) == 2


def test_parallel_runs_share_the_cache(binary, tree, env):
    src = "%s/strict-raw.c" % DRM
    argv = [binary] + kbuild_argv(src)

    def one(_):
        return run(argv, cwd=tree, env=env)

    with ThreadPoolExecutor(max_workers=8) as ex:
        results = list(ex.map(one, range(16)))
    want = (EXPECTED / "strict-raw.out").read_text()
    assert all(r.returncode == 0 and r.stderr == want for r in results)
    assert len(list(cache_root(env).glob("*/include/linux/iosys-map.h"))) == 1
    assert not [p for p in cache_root(env).rglob("*") if ".tmp." in p.name]


def test_unsafe_cache_dir_turns_strict_mode_off(binary, tree, env, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    cache_root(env).symlink_to(elsewhere)
    src = "%s/strict-raw.c" % DRM
    r = check(binary, INCLUDES + [src], tree, env)
    assert r.returncode == 0
    notes = [l for l in r.stderr.splitlines() if l.startswith("iomemcheck-sparse:")]
    assert len(notes) == 2 and all("not a private directory" in l for l in notes)
    assert "error" not in r.stderr
    assert TAG not in r.stderr
    assert list(elsewhere.iterdir()) == []


def test_header_found_through_isystem_and_split_flags(binary, tree, env):
    src = "%s/strict-raw.c" % DRM
    want = check(binary, INCLUDES + [src], tree, env).stderr
    for inc in (["-isystem", "./include"], ["-I", "./include"],
                ["-idirafter", "./include"]):
        args = ["-nostdinc"] + inc + ["-include", "./include/linux/kconfig.h",
                      "-include", "./include/linux/compiler_types.h", src]
        r = check(binary, args, tree, env)
        assert r.stderr.count(TAG) == 9, inc
        assert tagged_lines(r.stderr) == tagged_lines(want)
    # like sparse 0.6.4, ignore -isystemDIR (it finds no header either)
    args = ["-isystem./include"] + INCLUDES[1:] + [src]
    assert check(binary, args, tree, env).stderr == stock(args, tree, env).stderr


def test_positions_in_the_header_are_the_trees(binary, tree, env):
    """A stock warning inside the map header keeps its path and position."""
    h = tree / "include" / "linux" / "iosys-map.h"
    text = h.read_text().replace(
        "\tmemset(map, 0, sizeof(*map));",
        "\tmemset(map, 0, sizeof(*map));\n\tif (map == 0)\n\t\treturn;")
    h.write_text(text)
    src = "%s/helpers.c" % DRM
    ours = check(binary, INCLUDES + [src], tree, env)
    plain = stock(INCLUDES + [src], tree, env)
    assert "./include/linux/iosys-map.h:" in plain.stderr
    assert ours.stderr == plain.stderr


def test_file_without_map_headers(binary, tree, env, tmp_path):
    src = tmp_path / "plain.c"
    src.write_text("int *plain_null(void);\nint *plain_null(void)\n{\n\treturn 0;\n}\n")
    ours = check(binary, INCLUDES + [str(src)], tree, env)
    assert ours.stderr == stock(INCLUDES + [str(src)], tree, env).stderr
    assert "plain integer as NULL" in ours.stderr


@pytest.mark.parametrize("sample, runs", [
    ("strict-raw.c", 1),    # every IOM010 is certain from its own text
    ("unrelated.c", 1),     # stock address-space error, types shown
    ("helpers.c", 1),
    ("deref.c", 2),         # noderef dereferences need the comparison run
    ("suppress.c", 2),      # an IOM010 error may have silenced others
])
def test_comparison_run_only_when_needed(binary, tree, env, tmp_path, sample,
                                         runs):
    log = tmp_path / "runs.log"
    wrapper = tmp_path / "counting-sparse"
    wrapper.write_text('#!/bin/sh\necho run >> "%s"\nexec sparse "$@"\n' % log)
    wrapper.chmod(0o755)
    r = check(binary, INCLUDES + ["%s/%s" % (DRM, sample)], tree,
              dict(env, IOMEMCHECK_SPARSE=str(wrapper)))
    assert r.returncode == 0
    assert log.read_text().count("run") == runs


def test_missing_sparse_and_recursion(binary, tree, env):
    src = "%s/helpers.c" % DRM
    gone = dict(env, IOMEMCHECK_SPARSE="/nonexistent/sparse")
    r = check(binary, INCLUDES + [src], tree, gone)
    assert r.returncode == 127
    assert "error: cannot run '/nonexistent/sparse'" in r.stderr
    loop = dict(env, IOMEMCHECK_SPARSE=binary)
    r = check(binary, INCLUDES + [src], tree, loop)
    assert r.returncode == 1
    assert "runs iomemcheck-sparse again" in r.stderr


def test_real_kernel_cmd_file(binary, env):
    """A configured kernel tree (build/, if present): the flags of a real
    compile from its .cmd file; sparse only reads the tree."""
    cmds = sorted(REPO.glob("build/*/drivers/gpu/drm/.drm_format_helper.o.cmd"))
    if not cmds:
        pytest.skip("no built kernel tree under build/")
    top = cmds[0].parents[3]
    words = shlex.split(cmds[0].read_text().splitlines()[0].split(":=", 1)[1])
    if ";" in words:
        words = words[:words.index(";")]
    src = words[-1]
    flags = []
    it = iter(words[1:-1])                  # without the compiler and src
    for w in it:
        if w == "-o":
            next(it)
        elif w != "-c":
            flags.append(w)
    full = CHECKFLAGS + flags + [src]
    before = tree_digest(top / "include" / "linux")
    ours = check(binary, full, top, env)
    plain = stock(full, top, env)
    assert ours.returncode == plain.returncode == 0
    assert ours.stderr.count(TAG) >= 5
    assert "iosys-map.h" not in ours.stderr
    extra = added_lines(plain.stderr, ours.stderr)
    heads = [l for l in extra if re.search(r":\d+:\d+: (warning|error): ", l)]
    assert heads and all(l.endswith(TAG) for l in heads)
    assert tree_digest(top / "include" / "linux") == before


def test_same_size_altered_copy_is_replaced(binary, tree, env):
    """An altered copy of the right size (here: __iosys back to __iomem,
    both 7 bytes) once turned strict mode off without a word."""
    src = "%s/strict-raw.c" % DRM
    first = check(binary, INCLUDES + [src], tree, env)
    assert TAG in first.stderr
    copy, = cache_root(env).glob("*/include/linux/iosys-map.h")
    good = copy.read_bytes()
    bad = good.replace(b"__iosys", b"__iomem")
    assert bad != good and len(bad) == len(good)
    copy.write_bytes(bad)
    again = check(binary, INCLUDES + [src], tree, env)
    assert again.stderr == first.stderr
    assert copy.read_bytes() == good


def test_temporary_files_of_killed_runs_are_removed(binary, tree, env):
    src = "%s/strict-raw.c" % DRM
    check(binary, INCLUDES + [src], tree, env)
    copy, = cache_root(env).glob("*/include/linux/iosys-map.h")
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = copy.parent / ("iosys-map.h.tmp.%d.AbC123" % dead.pid)
    stale_top = copy.parents[2] / ("iomemcheck-preamble.h.tmp.%d.x1Y2z3" % dead.pid)
    live = copy.parent / ("iosys-map.h.tmp.%d.LiVe12" % os.getpid())
    for p in (stale, stale_top, live):
        p.write_text("half a header")
    check(binary, INCLUDES + [src], tree, env)
    assert not stale.exists() and not stale_top.exists()
    assert live.exists()        # its writer may still rename it


@pytest.mark.parametrize("args, first", [
    ([], "iomemcheck-sparse: error: no input file"),
    (["--frobnicate"], "iomemcheck-sparse: error: unknown option '--frobnicate'"),
    (["-Wall", "-I", "include"], "iomemcheck-sparse: error: no input file"),
])
def test_no_input_prints_usage(binary, tmp_path, env, args, first):
    r = run([binary] + args, cwd=tmp_path, env=env)
    assert r.returncode == 2 and r.stdout == ""
    lines = r.stderr.splitlines()
    assert lines[0] == first
    assert lines[1].startswith("usage: iomemcheck-sparse ")
    # stdin as the file ("-x c -") is an input: sparse reads and checks it
    r = run([binary, "-x", "c", "-"], cwd=tmp_path, env=env, input="int x;\n")
    assert r.returncode == 0
    assert r.stderr.startswith("-:1:5: warning: symbol 'x' was not declared")
