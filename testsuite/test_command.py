"""The iomemcheck command (cmd/): compile databases, entry selection, flag
filtering, workers, output and exit status.

Most tests use --engine=gcc (the GCC plugin on each entry's own command),
which every build has; the libclang tests run when the build has the engine.
Run with /usr/bin/python3 -m pytest testsuite (make check does).
"""
import json
import os
import pty
import re
import shlex
import shutil
import signal
import subprocess
import time

import pytest

import corpus

ROOT = corpus.ROOT
CMD = os.path.join(ROOT, "cmd", "iomemcheck")
INCLUDE = os.path.relpath(corpus.INCLUDE, ROOT)
SUMMARY = re.compile(r"^iomemcheck: (\d+) files?, (\d+) findings?( \((.*)\))?, (\d+) not analysed"
                     r"(, \d+ skipped \(not C\))?, [\d.]+ s$")

pytestmark = pytest.mark.skipif(not (os.path.exists(CMD) and corpus.plugin_available()),
                                reason="iomemcheck or the plugin not built")

# What a GCC 12 kernel 6.1 build (x86_64 allmodconfig) passes besides the
# include paths: GCC-only code generation flags, the kernel's GCC plugins and
# the macros they define, -Werror, dependency files.
KERNEL_FLAGS = (
    "-Wp,-MMD,{dep} -nostdinc -D__KERNEL__ -fmacro-prefix-map=./= -Wall -Wundef "
    "-Werror=strict-prototypes -Wno-trigraphs -fno-strict-aliasing -fno-common -fshort-wchar "
    "-fno-PIE -Werror=implicit-function-declaration -Werror=implicit-int -Werror=return-type "
    "-Wno-format-security -std=gnu11 -mno-sse -mno-mmx -mno-sse2 -mno-3dnow -mno-avx "
    "-fcf-protection=branch -fno-jump-tables -m64 -falign-jumps=1 -falign-loops=1 -mno-80387 "
    "-mno-fp-ret-in-387 -mpreferred-stack-boundary=3 -mskip-rax-setup -mtune=generic "
    "-mno-red-zone -mcmodel=kernel -Wno-sign-compare -fno-asynchronous-unwind-tables "
    "-mindirect-branch=thunk-extern -mindirect-branch-register -mindirect-branch-cs-prefix "
    "-mfunction-return=thunk-extern -fno-jump-tables -mharden-sls=all -fpatchable-function-entry=16,16 "
    "-fno-delete-null-pointer-checks -Wno-frame-address -Wno-format-truncation "
    "-Wno-format-overflow -Wno-address-of-packed-member -O2 -fno-allow-store-data-races "
    "-Wframe-larger-than=2048 -fstack-protector-strong -Wimplicit-fallthrough=5 "
    "-Wno-main -Wno-unused-but-set-variable -Wno-unused-const-variable -fno-stack-clash-protection "
    "-fzero-call-used-regs=used-gpr -pg -mrecord-mcount -mfentry -DCC_USING_FENTRY "
    "-fno-ipa-cp-clone -fno-partial-inlining -falign-functions=16 -Wdeclaration-after-statement "
    "-Wvla -Wno-pointer-sign -Wcast-function-type -Wno-stringop-truncation "
    "-Wno-array-bounds -Wno-stringop-overflow -Wno-restrict -Wno-maybe-uninitialized "
    "-Wno-alloc-size-larger-than -fno-strict-overflow -fno-stack-check -fconserve-stack "
    "-Werror=date-time -Werror=incompatible-pointer-types -Werror=designated-init "
    "-Wno-packed-not-aligned -Werror -ftrivial-auto-var-init=pattern "
    "-fplugin=./scripts/gcc-plugins/randomize_layout_plugin.so "
    "-fplugin-arg-randomize_layout_plugin-performance-mode -DRANDSTRUCT "
    "-fplugin=./scripts/gcc-plugins/latent_entropy_plugin.so -DLATENT_ENTROPY_PLUGIN "
    "-fplugin=./scripts/gcc-plugins/stackleak_plugin.so -DSTACKLEAK_PLUGIN "
    "-fsanitize=bounds-strict -fsanitize=shift -fsanitize=kernel-address "
    "-fasan-shadow-offset=0xdffffc0000000000 --param asan-globals=1 "
    "--param asan-instrumentation-with-call-threshold=10000 --param asan-stack=1 "
    "-DMODULE -DKBUILD_BASENAME='\"{base}\"' -DKBUILD_MODNAME='\"drm\"' -D__KBUILD_MODNAME=kmod_drm"
)
GCC_ONLY = ["-fconserve-stack", "-mrecord-mcount", "-mindirect-branch=thunk-extern",
            "-mindirect-branch-register", "-mfunction-return=thunk-extern",
            "-mpreferred-stack-boundary=3", "-fno-allow-store-data-races", "-fno-ipa-cp-clone",
            "-fno-partial-inlining", "-fzero-call-used-regs=used-gpr", "-DLATENT_ENTROPY_PLUGIN",
            "-DRANDSTRUCT", "-DSTACKLEAK_PLUGIN", "-Werror", "-fsanitize=bounds-strict"]

CLEAN = "and-or-guards-fast-copy.c"                 # a sample with no finding
DIRTY = "bo-kunmap-vunmap-without-branch.c"         # one IOM003


def iomemcheck(*args, cwd=ROOT, env=None):
    return subprocess.run([CMD, *args], cwd=cwd, capture_output=True, text=True,
                          env=dict(os.environ, LC_ALL="C", **(env or {})))


def plain_samples(limit=None):
    """Samples that need no --enable, sorted."""
    s = [x for x in corpus.samples() if not x.enable]
    return s[:limit] if limit else s


def entry(sample_name, flags="", directory=ROOT, form="command"):
    rel = os.path.join("kernel-samples", sample_name)
    words = ["gcc", "-O2", "-nostdinc", "-I", INCLUDE, *shlex.split(flags), "-c", "-o",
             "/dev/null", rel]
    e = {"directory": directory, "file": rel}
    if form == "command":
        e["command"] = " ".join(shlex.quote(w) for w in words)
    else:
        e["arguments"] = words
    return e


def write_db(path, entries):
    path.mkdir(parents=True, exist_ok=True)
    (path / "compile_commands.json").write_text(json.dumps(entries, indent=2))
    return path / "compile_commands.json"


def findings_by_file(text):
    out = {}
    for line in text.splitlines():
        m = corpus.FINDING.match(line)
        if m:
            out.setdefault(m.group("file"), set()).add((int(m.group("line")), m.group("rule")))
    return out


# ---- databases and entries ---------------------------------------------------------

def test_database_is_found_upwards_from_the_current_directory(tmp_path):
    write_db(tmp_path, [entry(DIRTY), entry(CLEAN, form="arguments")])
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    up = iomemcheck("--engine=gcc", cwd=sub)
    given = iomemcheck("--engine=gcc", "-p", str(tmp_path), cwd=tmp_path / "a")
    as_file = iomemcheck("--engine=gcc", "-p", str(tmp_path / "compile_commands.json"),
                         cwd=tmp_path)
    assert up.returncode == given.returncode == as_file.returncode == 1
    assert up.stdout == given.stdout == as_file.stdout
    assert set(findings_by_file(up.stdout)) == {os.path.join(ROOT, "kernel-samples", DIRTY)}
    assert SUMMARY.match(up.stderr.splitlines()[-1]).group(1) == "2"


def test_without_a_database_exit_2_says_how(tmp_path):
    p = iomemcheck("--engine=gcc", cwd=tmp_path)
    assert p.returncode == 2
    assert p.stderr.startswith("iomemcheck: error: no compile_commands.json")
    assert len(p.stderr.splitlines()) == 1


def test_paths_pick_entries_files_and_folders(tmp_path):
    sub = tmp_path / "src" / "drm"
    sub.mkdir(parents=True)
    for n in (DIRTY, "blit-null-check-raw-vaddr.c"):
        shutil.copy(os.path.join(corpus.SAMPLES, n), sub / n)
    shutil.copy(os.path.join(corpus.SAMPLES, DIRTY), tmp_path / "src" / "top.c")
    flags = ["-O2", "-nostdinc", "-I", corpus.INCLUDE, "-c"]
    db = [{"directory": str(tmp_path / "src"), "file": "drm/" + DIRTY,
           "arguments": ["gcc", *flags, "drm/" + DIRTY]},
          {"directory": "src/drm", "file": "blit-null-check-raw-vaddr.c",      # relative dir
           "arguments": ["gcc", *flags, "blit-null-check-raw-vaddr.c"]},
          {"directory": str(tmp_path / "src"), "file": str(tmp_path / "src" / "top.c"),
           "command": "gcc " + " ".join(flags) + " top.c"}]
    write_db(tmp_path, db)
    folder = iomemcheck("--engine=gcc", "src/drm", cwd=tmp_path)
    assert set(findings_by_file(folder.stdout)) == {"src/drm/" + DIRTY,
                                                     "src/drm/blit-null-check-raw-vaddr.c"}
    one = iomemcheck("--engine=gcc", "src/top.c", cwd=tmp_path)
    assert set(findings_by_file(one.stdout)) == {"src/top.c"}
    assert SUMMARY.match(one.stderr.splitlines()[-1]).group(1) == "1"
    # From inside a folder, paths are relative to it, and so is the output.
    inside = iomemcheck("--engine=gcc", ".", cwd=sub)
    assert set(findings_by_file(inside.stdout)) == {DIRTY, "blit-null-check-raw-vaddr.c"}
    everything = iomemcheck("--engine=gcc", cwd=tmp_path)
    assert len(findings_by_file(everything.stdout)) == 3
    none = iomemcheck("--engine=gcc", "src/nothing.c", cwd=tmp_path)
    assert none.returncode == 2
    assert none.stderr == "src/nothing.c: error: no entry of compile_commands.json compiles it\n"


def test_the_dashdash_form_needs_no_database(tmp_path):
    rel = os.path.join("kernel-samples", DIRTY)
    p = iomemcheck("--engine=gcc", rel, "--", "-O2", "-nostdinc", "-I", INCLUDE)
    direct = corpus.gcc_engine("-O2")(corpus.Sample(os.path.join(ROOT, rel)))
    assert p.returncode == 1
    assert p.stdout == "".join(l + "\n" for l in direct.splitlines() if l.startswith(rel))
    missing = iomemcheck("--engine=gcc", "nope.c", "--", "-O2")
    assert missing.returncode == 2 and "nope.c: error: cannot read" in missing.stderr


def test_command_strings_are_split_as_sh_splits_them(tmp_path):
    command = ("gcc -DA='\"x y\"' -DB=\"q\\\"r\" -DC=a\\ b -DD='' \"\" "
               "-DE=\"$HOME\" -c kernel-samples/" + CLEAN)
    write_db(tmp_path, [{"directory": ROOT, "file": "kernel-samples/" + CLEAN,
                         "command": command}])
    p = iomemcheck("--engine=gcc", "--print-commands", "-p", str(tmp_path))
    words = shlex.split(p.stdout)
    assert words == shlex.split("cd " + ROOT + " && " + command.replace(" -c ", " ")
                                + " -S -o /dev/null")
    assert words[4:10] == ['-DA="x y"', '-DB=q"r', "-DC=a b", "-DD=", "", "-DE=$HOME"]


# ---- a GCC kernel database as it is ---------------------------------------------------

def kernel_db(tmp_path, names):
    ents = []
    for n in names:
        flags = KERNEL_FLAGS.format(dep=str(tmp_path / (n + ".d")), base=n[:-2])
        ents.append(entry(n, flags, form="command"))
    return write_db(tmp_path, ents)


def test_gcc_only_flags_are_dropped_for_clang_and_clang_parses_the_rest(tmp_path):
    kernel_db(tmp_path, [DIRTY, CLEAN])
    p = iomemcheck("-p", str(tmp_path), "--print-commands")
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert len(lines) == 2
    for line in lines:
        words = shlex.split(line)
        assert words[:3] == ["cd", ROOT, "&&"] and words[3:5] == ["clang", "-fsyntax-only"]
        for flag in GCC_ONLY:
            assert flag not in words
        assert not [w for w in words if w.startswith(("-fplugin", "-Wp,-MMD", "-o"))]
        assert "-c" not in words and words.count(words[-1]) == 1
        assert "-DKBUILD_MODNAME=\"drm\"" in words            # quoting survives
        assert "-ftrivial-auto-var-init=pattern" in words      # clang knows it: kept
        # What is left is a command clang 14 accepts without a single error.
        clang = subprocess.run(["clang-14", *words[4:]], cwd=ROOT, capture_output=True,
                               text=True)
        assert clang.returncode == 0, clang.stderr
        assert "error" not in clang.stderr
    assert not list(tmp_path.glob("*.d"))                      # no dependency file written


def test_gcc_engine_runs_a_kernel_database_as_it_is(tmp_path):
    kernel_db(tmp_path, [DIRTY, CLEAN])
    p = iomemcheck("--engine=gcc", "-p", str(tmp_path), "-v")
    # The kernel's GCC plugins are not built here: the build's -fplugin= fails,
    # and that must be the reason given, not a lost or silent file.
    assert p.returncode == 3
    assert re.search(r"could not be analysed: cc1: error: cannot load plugin "
                     r"\./scripts/gcc-plugins/\w+\.so", p.stderr)
    # Without the kernel's plugins, the same database analyses cleanly.
    db = json.loads((tmp_path / "compile_commands.json").read_text())
    for e in db:
        e["command"] = " ".join(w for w in shlex.split(e["command"])
                                if not w.startswith("-fplugin") or "iomemcheck" in w)
        e["command"] = " ".join(shlex.quote(w) for w in shlex.split(e["command"]))
    write_db(tmp_path, db)
    p = iomemcheck("--engine=gcc", "-p", str(tmp_path))
    assert p.returncode == 1, p.stderr
    assert findings_by_file(p.stdout) == {"kernel-samples/" + DIRTY: {(25, "IOM003")}}
    assert not list(tmp_path.glob("*.d"))


def test_a_flag_the_compiler_rejects_is_dropped_and_the_file_kept(tmp_path):
    write_db(tmp_path, [entry(DIRTY, "-fno-such-flag-anywhere -mno-such-either")])
    p = iomemcheck("--engine=gcc", "-v", "-p", str(tmp_path))
    assert p.returncode == 1, p.stderr
    assert findings_by_file(p.stdout) == {"kernel-samples/" + DIRTY: {(25, "IOM003")}}
    assert ("dropped what the compiler rejected: -fno-such-flag-anywhere -mno-such-either"
            in p.stderr)


# ---- broken databases -------------------------------------------------------------------

BROKEN = [
    ('[\n {"directory": "/", "file": "a.c", "command": "cc a.c"},\n {"directory": "/",\n',
     r"compile_commands.json:4: error: .*"),
    ('[\n {"directory": "/", "file": "a.c", "command": "cc a.c"},\n\n {"directory": "/", '
     '"command": "cc b.c"}\n]', r"compile_commands.json:4: error: entry 2: no \"file\" string"),
    ('[{"directory": "/", "file": "a.c", "command": "cc a.c"},\n'
     ' {"directory": "/", "file": "b.c", "arguments": ["cc", 3]}]',
     r"compile_commands.json:2: error: entry 2: \"arguments\" is not a list of strings"),
    ('[\n\n  {"directory": "/", "file": "a.c", "command": "cc \'-DX=1 a.c"}]',
     r"compile_commands.json:3: error: entry 1: \"command\": unterminated single quote .*"),
    ('[{"directory": "/", "file": "a.c"}]',
     r"compile_commands.json:1: error: entry 1: neither \"arguments\" nor \"command\""),
    ('{"directory": "/", "file": "a.c", "command": "cc a.c"}',
     r"compile_commands.json:1: error: not a compile database: .*"),
    ('[\n"cc a.c"\n]', r"compile_commands.json:2: error: entry 1: not an object"),
]


@pytest.mark.parametrize("text,error", BROKEN)
def test_a_broken_database_is_one_error_line_and_exit_2(tmp_path, text, error):
    (tmp_path / "compile_commands.json").write_text(text)
    p = iomemcheck("--engine=gcc", cwd=tmp_path)
    assert p.returncode == 2
    assert p.stdout == ""
    assert len(p.stderr.splitlines()) == 1
    assert re.fullmatch(error, p.stderr.strip()), p.stderr


# ---- workers, order, output --------------------------------------------------------------

def test_output_is_the_same_for_any_j(tmp_path):
    write_db(tmp_path, [entry(s.name) for s in plain_samples(12)])
    runs = {j: iomemcheck("--engine=gcc", "-j", str(j), "-p", str(tmp_path)) for j in (1, 2, 5)}
    assert len({r.stdout for r in runs.values()}) == 1
    assert runs[1].stdout.count("warning:") >= 10
    lines = [l for l in runs[1].stdout.splitlines() if ": warning: " in l]
    keys = [(m.group("file"), int(m.group("line")), int(m.group("col")))
            for m in map(corpus.FINDING.match, lines)]
    assert keys == sorted(keys)                             # sorted by file, line, column
    js = {j: iomemcheck("--engine=gcc", "--format=json", "-j", str(j), "-p", str(tmp_path))
          for j in (1, 2)}
    assert js[1].stdout == js[2].stdout
    assert len(js[1].stdout.splitlines()) == len(lines)
    for line in js[1].stdout.splitlines():
        o = json.loads(line)
        assert set(o) == {"rule", "severity", "file", "line", "column", "function",
                          "message", "notes"}


def clang_engine():
    return os.path.exists(CMD) and "clang" in iomemcheck("--version").stdout


ENGINES = ["gcc", pytest.param("clang", marks=pytest.mark.skipif(
    not clang_engine(), reason="built without the libclang engine"))]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_corpus_through_the_command_matches_the_samples(tmp_path, engine):
    # Every 4th sample: the whole corpus runs through each engine in `corpus`.
    samples = plain_samples()[::4]
    write_db(tmp_path, [entry(s.name) for s in samples])
    p = iomemcheck("--engine=" + engine, "-q", "-p", str(tmp_path))
    assert p.stderr == ""
    found = findings_by_file(p.stdout)
    for s in samples:
        assert found.get(s.rel, set()) == s.expected, s.rel


def test_a_header_finding_seen_by_two_files_is_printed_once(tmp_path):
    (tmp_path / "peek.h").write_text("#include <linux/iosys-map.h>\n"
                                     "static inline u32 peek(struct iosys_map *map)\n"
                                     "{\n\treturn *(u32 *)map->vaddr;\n}\n")
    for name in ("a.c", "b.c"):
        (tmp_path / name).write_text('#include "peek.h"\n'
                                     "u32 %s_read(struct iosys_map *m) { return peek(m); }\n"
                                     % name[0])
    write_db(tmp_path, [{"directory": str(tmp_path), "file": n,
                         "arguments": ["gcc", "-O2", "-nostdinc", "-I", corpus.INCLUDE, "-c", n]}
                        for n in ("a.c", "b.c")])
    p = iomemcheck("--engine=gcc", cwd=tmp_path)
    assert p.returncode == 1
    assert [l for l in p.stdout.splitlines() if "warning:" in l] == [
        "peek.h:4:9: warning: load through 'map->vaddr' while 'is_iomem' may be true [IOM002]"]
    assert SUMMARY.match(p.stderr.strip()).group(2) == "1"


def test_o_writes_the_file_atomically(tmp_path):
    write_db(tmp_path, [entry(DIRTY), entry(CLEAN)])
    out = tmp_path / "out" / "findings.txt"
    out.parent.mkdir()
    out.write_text("old\n")
    inode = out.stat().st_ino
    p = iomemcheck("--engine=gcc", "-p", str(tmp_path), "-o", str(out))
    assert p.returncode == 1
    assert p.stdout == ""
    assert out.read_text() == iomemcheck("--engine=gcc", "-p", str(tmp_path)).stdout
    assert out.stat().st_ino != inode                       # renamed over, not rewritten
    assert os.listdir(out.parent) == ["findings.txt"]       # no temporary file left
    assert oct(out.stat().st_mode & 0o777) == oct(0o666 & ~current_umask())
    bad = iomemcheck("--engine=gcc", "-p", str(tmp_path), "-o", str(tmp_path / "no" / "f"))
    assert bad.returncode == 2 and "error: cannot write" in bad.stderr


def current_umask():
    m = os.umask(0)
    os.umask(m)
    return m


def test_progress_and_summary(tmp_path):
    write_db(tmp_path, [entry(DIRTY), entry(CLEAN)])
    p = iomemcheck("--engine=gcc", "-p", str(tmp_path))
    # stderr is not a terminal here: no progress, only the summary.
    assert len(p.stderr.splitlines()) == 1 and "\r" not in p.stderr
    m = SUMMARY.match(p.stderr.strip())
    assert m and m.group(1, 2, 4, 5) == ("2", "1", "IOM003 1", "0")
    q = iomemcheck("--engine=gcc", "-q", "-p", str(tmp_path))
    assert q.stderr == "" and q.stdout == p.stdout


def test_progress_on_a_terminal(tmp_path):
    write_db(tmp_path, [entry(DIRTY), entry(CLEAN)])
    master, slave = pty.openpty()
    p = subprocess.run([CMD, "--engine=gcc", "-j1", "-p", str(tmp_path)], stderr=slave,
                       stdout=subprocess.PIPE, text=True, env=dict(os.environ, LC_ALL="C"))
    os.close(slave)
    err = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        err += chunk
    os.close(master)
    err = err.decode()
    assert "\r\x1b[Kiomemcheck: 1/2 files, " in err and "\r\x1b[Kiomemcheck: 2/2 files, 1 findings" in err
    assert SUMMARY.match(err.split("\x1b[K")[-1].strip())
    assert "\x1b" not in p.stdout


def test_entries_that_are_not_c_are_counted_not_lost(tmp_path):
    asm = {"directory": ROOT, "file": "arch/x86/entry.S", "arguments": ["gcc", "-c", "entry.S"]}
    write_db(tmp_path, [entry(CLEAN), asm])
    p = iomemcheck("--engine=gcc", "-p", str(tmp_path))
    assert p.returncode == 0
    m = SUMMARY.match(p.stderr.strip())
    assert m and m.group(1) == "1" and m.group(6) == ", 1 skipped (not C)"


# ---- exit status and options ---------------------------------------------------------------

def test_exit_status_0_1_2_3(tmp_path):
    broken = tmp_path / "broken.c"
    broken.write_text("int f(void) { return }\n")
    write_db(tmp_path, [entry(CLEAN)])
    assert iomemcheck("--engine=gcc", "-p", str(tmp_path)).returncode == 0
    write_db(tmp_path, [entry(CLEAN), entry(DIRTY)])
    assert iomemcheck("--engine=gcc", "-p", str(tmp_path)).returncode == 1
    for bad in (["--no-such-option"], ["-j", "0"], ["--format=xml"], ["--engine=icc"],
                ["--disable", "IOM999"], ["-p"]):
        p = iomemcheck("--engine=gcc", *bad, "-p", str(tmp_path)) if bad != ["-p"] else \
            iomemcheck("--engine=gcc", "-p")
        assert p.returncode == 2, bad
        assert p.stderr.startswith("iomemcheck: error: ") and len(p.stderr.splitlines()) == 1
    # A file that does not compile: exit 3, its first error, the others still done.
    db = [entry(DIRTY), {"directory": str(tmp_path), "file": "broken.c",
                         "arguments": ["gcc", "-c", "broken.c"]}]
    write_db(tmp_path, db)
    p = iomemcheck("--engine=gcc", "-p", str(tmp_path), cwd=tmp_path)
    assert p.returncode == 3
    assert findings_by_file(p.stdout) == {os.path.join(ROOT, "kernel-samples", DIRTY):
                                          {(25, "IOM003")}}
    assert re.search(r"^iomemcheck: broken\.c: could not be analysed: broken\.c:1:\d+: error: ",
                     p.stderr, re.M)
    assert SUMMARY.match(p.stderr.splitlines()[-1]).group(5) == "1"


def test_a_compiler_that_crashes_loses_only_its_file(tmp_path):
    crash = tmp_path / "crashing-cc"
    crash.write_text("#!/bin/sh\nkill -SEGV $$\n")
    crash.chmod(0o755)
    db = [entry(DIRTY), {"directory": ROOT, "file": "kernel-samples/" + CLEAN,
                         "arguments": [str(crash), "-c", "kernel-samples/" + CLEAN]}]
    write_db(tmp_path, db)
    p = iomemcheck("--engine=gcc", "-p", str(tmp_path))
    assert p.returncode == 3
    assert "could not be analysed: the compiler was killed by signal 11" in p.stderr
    assert "[IOM003]" in p.stdout


def test_rules_options_reach_the_engine(tmp_path):
    src = tmp_path / "t.c"
    src.write_text("#include <linux/iosys-map.h>\nvoid fill(struct iosys_map *map, u32 v)\n"
                   "{\n\t*(u32 *)map->vaddr = v;\n\tif (!map->vaddr)\n\t\treturn;\n}\n")
    flags = ["--", "-nostdinc", "-I", corpus.INCLUDE]

    def rules(*opts):
        p = iomemcheck("--engine=gcc", *opts, str(src), *flags)
        return sorted(r for _, r in corpus.parse_findings(p.stdout))
    assert rules() == ["IOM002", "IOM006"]
    assert rules("--disable", "IOM006") == ["IOM002"]
    assert rules("--enable=IOM010") == ["IOM002", "IOM006", "IOM010", "IOM010"]
    assert rules("--disable=IOM002,IOM006") == []
    # The core's option table: every engine option, spelled --KEY [VALUE].
    err = iomemcheck("--engine=gcc", "--error", str(src), *flags)
    assert err.returncode == 1
    assert [l.split(": ")[1] for l in err.stdout.splitlines() if "[IOM" in l] == ["error"] * 2
    out = tmp_path / "f.json"
    out.write_text("")
    for _ in range(2):      # appended to, as the plugin's json=
        js = iomemcheck("--engine=gcc", "--json", str(out), "--format=json", str(src), *flags)
    assert out.read_text() == js.stdout * 2 and len(js.stdout.splitlines()) == 2
    helptext = iomemcheck("--help").stdout
    for key in ("rules", "enable", "disable", "error", "json", "verbose", "dump"):
        assert re.search(r"^  --%s\b" % key, helptext, re.M)
    bad_rules = tmp_path / "bad.rules"
    bad_rules.write_text("no such directive\n")
    p = iomemcheck("--engine=gcc", "--rules", str(bad_rules), str(src), *flags)
    assert p.returncode == 2
    assert re.fullmatch(re.escape(str(bad_rules)) + r":1: error: .*\n", p.stderr)


def test_exit_codes_are_the_same_in_help_readme_and_man_page():
    codes = {"0": "no findings", "1": "findings", "2": "usage or input error",
             "3": "a file could not be analysed"}
    helptext = iomemcheck("--help").stdout
    with open(os.path.join(ROOT, "README.md")) as f:
        readme = f.read()
    with open(os.path.join(ROOT, "cmd", "iomemcheck.1")) as f:
        man = f.read()
    for code, words in codes.items():
        assert re.search(r"^\s+%s\s+%s" % (code, re.escape(words)), helptext, re.M)
        assert re.search(r"^\| %s \| %s" % (code, re.escape(words)), readme, re.M)
        assert re.search(r"^\.TP\n\.B %s\n%s" % (code, re.escape(words)), man, re.M)


def test_make_install_installs_the_command_and_its_man_page(tmp_path):
    p = subprocess.run(["make", "-s", "install", "DESTDIR=" + str(tmp_path), "PREFIX=/usr"],
                       cwd=ROOT, capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    exe = tmp_path / "usr" / "bin" / "iomemcheck"
    assert exe.exists() and (tmp_path / "usr/share/man/man1/iomemcheck.1").exists()
    # The installed command finds the installed plugin for --engine=gcc.
    rel = os.path.join("kernel-samples", DIRTY)
    r = subprocess.run([str(exe), "--engine=gcc", rel, "--", "-nostdinc", "-I", INCLUDE],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 1 and "[IOM003]" in r.stdout


# ---- the libclang engine --------------------------------------------------------------------


@pytest.mark.skipif(not clang_engine(), reason="built without the libclang engine")
def test_clang_engine_kernel_database_loses_no_file(tmp_path):
    names = [s.name for s in plain_samples(20)]
    kernel_db(tmp_path, names)
    p1 = iomemcheck("-j1", "-p", str(tmp_path))
    p2 = iomemcheck("-j2", "-p", str(tmp_path))
    assert p1.stdout == p2.stdout
    assert "not analysed" in p1.stderr and SUMMARY.match(p1.stderr.splitlines()[-1]).group(5) == "0", p1.stderr


@pytest.mark.skipif(not clang_engine(), reason="built without the libclang engine")
def test_both_engines_print_the_same_bytes(tmp_path):
    # Every 8th sample, with -O2: the GCC engine's view of the same entries.
    write_db(tmp_path, [entry(s.name) for s in plain_samples()[::8]])
    clang = iomemcheck("-q", "-p", str(tmp_path))
    gcc = iomemcheck("-q", "--engine=gcc", "-p", str(tmp_path))
    assert clang.returncode == gcc.returncode == 1
    assert clang.stdout == gcc.stdout and clang.stdout.count("warning:") >= 10


@pytest.mark.skipif(not clang_engine(), reason="built without the libclang engine")
def kill_first_worker(tmp_path, big):
    """Run the command on big.c then a dirty sample, SIGSEGV its first worker
    while it parses big.c; the finished process."""
    proc = subprocess.Popen([CMD, "-j1", str(big), os.path.join(corpus.SAMPLES, DIRTY), "--",
                             "-nostdinc", "-I", corpus.INCLUDE], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    children = "/proc/%d/task/%d/children" % (proc.pid, proc.pid)
    worker = ""
    for _ in range(500):
        with open(children) as f:
            worker = f.read().split()
        if worker:
            break
        time.sleep(0.01)
    assert worker, "no worker started"
    os.kill(int(worker[0]), signal.SIGSEGV)
    out, err = proc.communicate(timeout=120)
    return proc, out, err


def test_a_worker_that_dies_loses_only_its_file(tmp_path):
    # A file big enough to keep libclang busy while its worker is killed, as a
    # crash inside libclang would kill it.  On a loaded machine the kill can
    # land before the worker runs the file (its fork is not done yet): then
    # try again; the run must still end as below.
    big = tmp_path / "big.c"
    big.write_text("".join("int f%d(int x) { return x * %d + (x >> 3); }\n" % (i, i)
                           for i in range(60000)))
    for attempt in range(3):
        proc, out, err = kill_first_worker(tmp_path, big)
        if "the engine crashed" in err:
            break
    assert proc.returncode == 3, err
    assert re.search(r"^iomemcheck: big\.c: could not be analysed: the engine crashed "
                     r"\(signal 11: Segmentation fault\)$", err, re.M), err
    assert "[IOM003]" in out                    # the next file was still done


@pytest.mark.skipif(not clang_engine(), reason="built without the libclang engine")
def test_clang_engine_syntax_error_is_exit_3_with_the_first_error(tmp_path):
    broken = tmp_path / "broken.c"
    broken.write_text("int f(void) { return }\n")
    p = iomemcheck(str(broken), os.path.join(corpus.SAMPLES, DIRTY), "--", "-nostdinc",
                   "-I", corpus.INCLUDE, cwd=tmp_path)
    assert p.returncode == 3
    assert re.search(r"broken\.c: could not be analysed: .*broken\.c:1:\d+: error: ", p.stderr)
    assert "[IOM003]" in p.stdout


# ---- scripts/need-packages ----------------------------------------------------------------

def fake_tools(tmp_path, lock_failures):
    """dpkg-query (nothing installed), id (root), sleep (instant) and an apt-get
    that finds the dpkg lock taken lock_failures times, logging each call."""
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    tools = {
        "dpkg-query": "exit 1",
        "id": "echo 0",
        "sleep": "exit 0",
        "apt-get": f"""n=$(cat {tmp_path}/count 2>/dev/null || echo 0)
echo "$@" >> {tmp_path}/log
echo $((n + 1)) > {tmp_path}/count
if [ $n -lt {lock_failures} ]; then
  echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 42 (apt-get)" >&2
  exit 100
fi
exit 0""",
    }
    for name, body in tools.items():
        (bin_ / name).write_text("#!/bin/sh\n" + body + "\n")
        (bin_ / name).chmod(0o755)
    return dict(os.environ, PATH=f"{bin_}:{os.environ['PATH']}")


def test_need_packages_waits_for_the_dpkg_lock(tmp_path):
    script = os.path.join(ROOT, "scripts", "need-packages")
    p = subprocess.run([script, "libfoo-dev"], env=fake_tools(tmp_path, 3),
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    calls = (tmp_path / "log").read_text().splitlines()
    assert len(calls) == 4 and all("install -y libfoo-dev" in c for c in calls)
    assert all("DPkg::Lock::Timeout=" in c for c in calls)
    assert "waiting for another apt/dpkg" in p.stderr


def test_need_packages_still_fails_on_other_errors(tmp_path):
    env = fake_tools(tmp_path, 0)
    (tmp_path / "bin" / "apt-get").write_text("#!/bin/sh\necho 'E: Unable to locate package libfoo-dev' >&2\nexit 100\n")
    p = subprocess.run([os.path.join(ROOT, "scripts", "need-packages"), "libfoo-dev"], env=env,
                       capture_output=True, text=True)
    assert p.returncode == 1
    assert "error: could not install: libfoo-dev" in p.stderr
