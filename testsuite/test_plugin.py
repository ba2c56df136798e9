"""The GCC plugin's arguments, bad input, JSON output and full diagnostic text.

Run with /usr/bin/python3 -m pytest testsuite (make check does).
"""
import json
import os
import subprocess

import pytest

import corpus

ROOT = corpus.ROOT
GOLDEN = os.path.join(ROOT, "testsuite", "golden")
ARG = "-fplugin-arg-iomemcheck-"

pytestmark = pytest.mark.skipif(not corpus.plugin_available(), reason="plugin not built")

PARAM_STORE = r"""
#include <linux/iosys-map.h>
void fill(struct iosys_map *map, u32 v)
{
	*(u32 *)map->vaddr = v;
	if (!map->vaddr)
		return;
}
"""


def gcc(source, *args, tmp_path, name="t.c", opt="-O0"):
    path = tmp_path / name
    path.write_text(source)
    cmd = [corpus.GCC, "-c", opt, "-nostdinc", "-I", corpus.INCLUDE, "-o", "/dev/null",
           "-fplugin=" + corpus.PLUGIN, *args, str(path)]
    return subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))


def rules_of(stderr):
    return sorted(r for _, r in corpus.parse_findings(stderr))


def test_defaults_report_iom002_and_iom006(tmp_path):
    p = gcc(PARAM_STORE, tmp_path=tmp_path)
    assert p.returncode == 0
    assert rules_of(p.stderr) == ["IOM002", "IOM006"]


def test_disable_removes_only_the_named_rules(tmp_path):
    p = gcc(PARAM_STORE, ARG + "disable=IOM006", tmp_path=tmp_path)
    assert rules_of(p.stderr) == ["IOM002"]
    p = gcc(PARAM_STORE, ARG + "disable=IOM002,IOM006", tmp_path=tmp_path)
    assert p.returncode == 0 and p.stderr == ""


def test_enable_turns_on_strict_mode(tmp_path):
    p = gcc(PARAM_STORE, ARG + "enable=IOM010", tmp_path=tmp_path)
    assert sorted(corpus.parse_findings(p.stderr)) == [
        (5, "IOM002"), (5, "IOM010"), (6, "IOM006"), (6, "IOM010")]


def test_error_makes_the_compile_fail(tmp_path):
    p = gcc(PARAM_STORE, ARG + "error", tmp_path=tmp_path)
    assert p.returncode != 0
    assert "t.c:5:21: error: store through 'map->vaddr' while 'is_iomem' may be true [IOM002]" in p.stderr
    assert "cc1: error: iomemcheck: 2 finding(s) reported as errors" in p.stderr


def test_werror_does_not_break_a_build_with_findings(tmp_path):
    # Kernel builds use -Werror (CONFIG_WERROR); warnings must stay warnings.
    p = gcc(PARAM_STORE, "-Werror", tmp_path=tmp_path)
    assert p.returncode == 0
    assert rules_of(p.stderr) == ["IOM002", "IOM006"]


def test_json_parses_and_matches_the_text(tmp_path):
    out = tmp_path / "findings.json"
    p = gcc(PARAM_STORE, ARG + "json=" + str(out), tmp_path=tmp_path)
    p2 = gcc(PARAM_STORE, ARG + "json=" + str(out), tmp_path=tmp_path, opt="-O2")
    objs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(objs) == 4     # appended by two compiles
    text = {(f"{o['file']}:{o['line']}:{o['column']}: {o['severity']}: {o['message']} "
             f"[{o['rule']}]") for o in objs}
    assert text == {l for l in (p.stderr + p2.stderr).splitlines() if "[IOM" in l}
    for o in objs:
        assert set(o) == {"rule", "severity", "file", "line", "column", "function",
                          "message", "notes"}
        assert o["function"] == "fill"
    notes = [n for o in objs for n in o["notes"]]
    assert {"file", "line", "column", "message"} == set(notes[0])
    assert "'map' is a parameter: its memory kind is unknown here" in [n["message"] for n in notes]


def test_json_lines_survive_parallel_appends(tmp_path):
    out = tmp_path / "findings.json"
    src = tmp_path / "t.c"
    src.write_text(PARAM_STORE)
    cmd = [corpus.GCC, "-c", "-O0", "-nostdinc", "-I", corpus.INCLUDE, "-o", "/dev/null",
           "-fplugin=" + corpus.PLUGIN, ARG + "json=" + str(out), str(src)]
    procs = [subprocess.Popen(cmd, stderr=subprocess.DEVNULL) for _ in range(8)]
    assert all(p.wait() == 0 for p in procs)
    lines = out.read_text().splitlines()
    assert len(lines) == 16 and all(json.loads(l)["rule"] for l in lines)


NEW_TYPE_RULES = """\
# A tagged pointer of a made-up driver: proves a new type needs no code.
type blob_ptr
	header		blob.h
	system		mem
	io		io
	flag		in_io
	helper		blob_set_io	set-io		map=1 ptr=2
	helper		blob_set_mem	set-system	map=1 ptr=2
end
"""

NEW_TYPE_SOURCE = r"""
#include <linux/compiler.h>
#include <linux/types.h>
struct blob_ptr { union { void __iomem *io; void *mem; }; bool in_io; };
void blob_set_io(struct blob_ptr *b, void __iomem *p);
void blob_set_mem(struct blob_ptr *b, void *p);
u32 peek(struct blob_ptr *b, void __iomem *regs, void *ram)
{
	struct blob_ptr local;
	u32 v;

	blob_set_io(&local, regs);
	v = *(u32 *)local.mem;
	blob_set_mem(&local, ram);
	return v + *(u32 *)local.mem + *(u32 *)b->mem;
}
"""


def test_rules_file_adds_a_new_tagged_pointer_type(tmp_path):
    rules = tmp_path / "blob.rules"
    rules.write_text(NEW_TYPE_RULES)
    p = gcc(NEW_TYPE_SOURCE, tmp_path=tmp_path)
    assert p.returncode == 0 and p.stderr == ""      # unknown type: nothing to say
    p = gcc(NEW_TYPE_SOURCE, ARG + "rules=" + str(rules), tmp_path=tmp_path)
    assert sorted(corpus.parse_findings(p.stderr)) == [(13, "IOM001"), (15, "IOM002")]
    assert "load through 'local.mem' while 'in_io' is true [IOM001]" in p.stderr
    assert "load through 'b->mem' while 'in_io' may be true [IOM002]" in p.stderr


BLOB_PAIR = "\tpair\t\tblob_ops\tget map=1\tput map=2\n"

# The table comes first and the receiver before its filler, so the receiver
# reaches the pass before anything is known about its map.
PAIR_SOURCE = r"""
#include <linux/compiler.h>
#include <linux/types.h>
struct blob_ptr { union { void __iomem *io; void *mem; }; bool in_io; };
void blob_set_io(struct blob_ptr *b, void __iomem *p);
void blob_set_mem(struct blob_ptr *b, void *p);
extern void release(void *p);
struct blob_ops { int (*get)(struct blob_ptr *b, int n); void (*put)(int n, struct blob_ptr *b); };
static int sys_get(struct blob_ptr *b, int n);
static void sys_put(int n, struct blob_ptr *b);
static int io_get(struct blob_ptr *b, int n);
static void io_put(int n, struct blob_ptr *b);
const struct blob_ops sys_ops = { .get = sys_get, .put = sys_put };
const struct blob_ops io_ops = { .get = io_get, .put = io_put };
static void sys_put(int n, struct blob_ptr *b) { release(b->mem); }
static void io_put(int n, struct blob_ptr *b) { release(b->mem); }
extern void *ram_pages(int n);
extern void __iomem *bar_pages(int n);
static int sys_get(struct blob_ptr *b, int n) { void *p = ram_pages(n); if (!p) return -1; blob_set_mem(b, p); return 0; }
static int io_get(struct blob_ptr *b, int n) { blob_set_io(b, bar_pages(n)); return 0; }
"""


@pytest.mark.parametrize("opt", ["-O0", "-O2"])
def test_rules_file_pairs_callbacks_of_a_new_ops_table(tmp_path, opt):
    rules = tmp_path / "blob.rules"
    rules.write_text(NEW_TYPE_RULES)
    p = gcc(PAIR_SOURCE, ARG + "rules=" + str(rules), tmp_path=tmp_path, opt=opt)
    assert sorted(corpus.parse_findings(p.stderr)) == [(15, "IOM003"), (16, "IOM003")]
    rules.write_text(NEW_TYPE_RULES.replace("end\n", BLOB_PAIR + "end\n"))
    out = tmp_path / "f.json"
    p = gcc(PAIR_SOURCE, ARG + "rules=" + str(rules), ARG + "json=" + str(out), ARG + "verbose",
            tmp_path=tmp_path, opt=opt)
    assert sorted(corpus.parse_findings(p.stderr)) == [(16, "IOM003")]
    assert "iomemcheck: 'io_put' deferred" in p.stderr.replace("\u2018", "'").replace("\u2019", "'")
    [finding] = [json.loads(l) for l in out.read_text().splitlines()]
    assert finding["function"] == "io_put" and finding["line"] == 16
    assert finding["message"] == "'b->mem' passed to 'release' while 'in_io' is true"
    assert [n["message"] for n in finding["notes"]] == [
        "'b' comes from 'io_get', its pair in 'struct blob_ops', which sets I/O memory"]


@pytest.mark.parametrize("text,line,message", [
    ("type x\n\tsystem a\n\tio b\n\tflag c\n\theader x.h\n\thelper f frob map=1\nend\n", 6,
     "unknown effect 'frob'"),
    ("type x\n\tsystem a\n", 2, "type 'x' is not closed by 'end'"),
    ("warn\n", 1, "'warn' takes 1 to 1 fields"),
    ("type x\n\tsystem a\n\tio b\n\tflag c\n\theader x.h\nend\ntype x\n", 7,
     "type 'x' is already defined at line 1 of this file"),
    ("type iosys_map\n\tsystem vaddr\n\tio vaddr\n", 3, "'vaddr' is already the system member"),
])
def test_malformed_rules_file_is_one_line_error(tmp_path, text, line, message):
    rules = tmp_path / "bad.rules"
    rules.write_text(text)
    p = gcc(PARAM_STORE, ARG + "rules=" + str(rules), tmp_path=tmp_path)
    assert p.returncode != 0
    assert p.stderr.splitlines() == [f"{rules}:{line}: error: {message}"]


@pytest.mark.parametrize("path,message", [
    ("/nonexistent.rules", "/nonexistent.rules:0: error: cannot open rules file: No such file or directory"),
    ("/", "/:0: error: is a directory, not a rules file"),
    ("", "cc1: error: iomemcheck: '-fplugin-arg-iomemcheck-rules' names no file: the value is empty"),
    # /proc files report a size of 0: read to the end, they are parsed, not taken as empty.
    ("/proc/self/status", "/proc/self/status:1: error: unknown keyword 'Name:'"),
])
def test_unreadable_rules_file_is_one_line_error(tmp_path, path, message):
    p = gcc(PARAM_STORE, ARG + "rules=" + path, tmp_path=tmp_path)
    assert p.returncode != 0
    assert p.stderr.splitlines() == [message]


def test_rules_file_from_a_pipe(tmp_path):
    src = tmp_path / "t.c"
    src.write_text(PARAM_STORE)
    cmd = [corpus.GCC, "-c", "-O0", "-nostdinc", "-I", corpus.INCLUDE, "-o", "/dev/null",
           "-fplugin=" + corpus.PLUGIN, ARG + "rules=/dev/stdin", str(src)]
    run = lambda text: subprocess.run(cmd, input=text, capture_output=True, text=True,
                                      env=dict(os.environ, LC_ALL="C"))
    p = run("# nothing but a comment\n")
    assert p.returncode == 0 and rules_of(p.stderr) == ["IOM002", "IOM006"]
    p = run("bogus\n")
    assert p.returncode != 0
    assert p.stderr.splitlines() == ["/dev/stdin:1: error: unknown keyword 'bogus'"]


@pytest.mark.parametrize("replaced", ["dma_buf_map", "iosys_map"])
def test_replacing_one_type_keeps_the_producers_of_the_other(tmp_path, replaced):
    """Both built-in files declare drm_gem_shmem_vmap set-system: replacing one
    type's block must leave the other's entry, or this sample gets IOM003."""
    rules = tmp_path / "one.rules"
    rules.write_text(f"type {replaced}\n\theader h.h\n\tsystem vaddr\n\tio vaddr_iomem\n"
                     "\tflag is_iomem\nend\n")
    sample = corpus.Sample(os.path.join(corpus.SAMPLES, "shmem-vmap-dump-system-provenance.c"))
    for opt in ("-O0", "-O2"):
        out = corpus.gcc_engine(opt)(sample, [ARG + "rules=" + str(rules)])
        assert corpus.parse_findings(out) == set(), out


@pytest.mark.parametrize("arg,message", [
    ("bogus", "unknown option '-fplugin-arg-iomemcheck-bogus'"),
    ("disable=IOM999", "bad value for '-fplugin-arg-iomemcheck-disable': unknown rule 'IOM999'"),
    ("enable", "'-fplugin-arg-iomemcheck-enable' needs a value: IOMnnn,..."),
    ("enable=IOM009", "bad value for '-fplugin-arg-iomemcheck-enable': unknown rule 'IOM009'"),
    ("rules", "'-fplugin-arg-iomemcheck-rules' needs a value: FILE"),
    ("json", "'-fplugin-arg-iomemcheck-json' needs a value: FILE"),
    ("rules=", "'-fplugin-arg-iomemcheck-rules' names no file: the value is empty"),
    ("json=", "'-fplugin-arg-iomemcheck-json' names no file: the value is empty"),
    ("error=1", "'-fplugin-arg-iomemcheck-error' takes no value (given '1')"),
    ("verbose=1", "'-fplugin-arg-iomemcheck-verbose' takes no value (given '1')"),
])
def test_bad_plugin_arguments(tmp_path, arg, message):
    p = gcc(PARAM_STORE, ARG + arg, tmp_path=tmp_path)
    assert p.returncode != 0
    assert p.stderr.splitlines() == ["cc1: error: iomemcheck: " + message]


def test_json_given_twice_is_refused_and_creates_no_file(tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    p = gcc(PARAM_STORE, ARG + "json=" + str(first), ARG + "json=" + str(second),
            tmp_path=tmp_path)
    assert p.returncode != 0
    assert p.stderr.splitlines() == [
        f"cc1: error: iomemcheck: '-fplugin-arg-iomemcheck-json' given twice ('{first}', "
        f"then '{second}'): findings go to one file"]
    assert not first.exists() and not second.exists()


def test_plugin_help_lists_every_option():
    p = subprocess.run([corpus.GCC, "-fplugin=" + corpus.PLUGIN, "-v", "--help"], capture_output=True,
                       text=True, stdin=subprocess.DEVNULL, env=dict(os.environ, LC_ALL="C"))
    help_lines = (p.stdout + p.stderr).split("Help for the loaded plugins:")[1].splitlines()
    for option in ("rules=FILE", "disable=IOMnnn,...", "enable=IOMnnn,...", "error",
                   "json=FILE", "verbose", "dump"):
        assert any(l.strip().startswith(option + "\t") for l in help_lines), option


def many_findings_source(n):
    body = "".join(f"\t*(u32 *)(map->vaddr + {4 * i}) = v;\n" for i in range(n))
    return "#include <linux/iosys-map.h>\nvoid fill(struct iosys_map *map, u32 v)\n{\n" + body + "}\n"


@pytest.mark.parametrize("flags", [(), ("-w",), ("-Werror",)])
def test_failed_json_write_is_one_error_whatever_the_warning_flags(tmp_path, flags):
    # /dev/full opens for appending and fails every write.
    p = gcc(many_findings_source(300), ARG + "json=/dev/full", *flags, tmp_path=tmp_path)
    assert p.returncode != 0
    errors = [l for l in p.stderr.splitlines() if "/dev/full" in l]
    assert errors == ["cc1: error: iomemcheck: cannot write to '/dev/full': "
                      "No space left on device: 300 of 300 finding(s) lost"]
    assert len(corpus.parse_findings(p.stderr)) == (0 if "-w" in flags else 300)


def test_long_finding_is_rendered_whole(tmp_path):
    # A deep directory makes the file name, repeated in every note, longer
    # than any fixed buffer would hold.
    d = tmp_path
    for i in range(12):
        d = d / (f"d{i}_" + "x" * 200)
    d.mkdir(parents=True)
    src = r"""
#include <linux/iosys-map.h>
extern void keep(void *p);
void fill(struct iosys_map *map, struct iosys_map *other, bool io)
{
	struct iosys_map m;

	if (io)
		m = *map;
	else
		m = *other;
	keep(m.vaddr);
}
"""
    out = tmp_path / "f.json"
    p = gcc(src, ARG + "json=" + str(out), tmp_path=d)
    assert p.returncode == 0
    [finding] = [json.loads(l) for l in out.read_text().splitlines()]
    assert len(json.dumps(finding)) > 4096 and finding["notes"]
    assert finding["file"] == str(d / "t.c")
    assert p.stderr.endswith("\n")
    text = p.stderr.splitlines()
    assert text[0] == (f"{d}/t.c:{finding['line']}:{finding['column']}: warning: "
                       f"{finding['message']} [{finding['rule']}]")
    assert [l.split(": note: ")[1] for l in text[1:]] == [n["message"] for n in finding["notes"]]


def test_unrelated_translation_unit_is_not_analysed(tmp_path):
    src = "int add(int *p, int n) { int s = 0; while (n--) s += *p++; return s; }\n"
    p = gcc(src, ARG + "verbose", tmp_path=tmp_path)
    assert p.returncode == 0 and "iomemcheck" not in p.stderr
    p = gcc(PARAM_STORE, ARG + "verbose", tmp_path=tmp_path)
    assert "'fill' analysed, 2 finding(s)" in p.stderr


def test_trivial_auto_var_init_is_not_initialisation(tmp_path):
    src = r"""
#include <linux/iosys-map.h>
bool empty(void)
{
	struct iosys_map m;

	return iosys_map_is_null(&m);
}
"""
    p = gcc(src, "-ftrivial-auto-var-init=pattern", tmp_path=tmp_path, opt="-O2")
    if "unrecognized command-line option" in p.stderr:
        pytest.skip(f"{corpus.GCC} has no -ftrivial-auto-var-init (GCC 12 and later)")
    assert rules_of(p.stderr) == ["IOM008"]


def test_plugin_sources_compile_warning_free():
    inc = subprocess.run([corpus.GCC, "-print-file-name=plugin"], capture_output=True,
                         text=True).stdout.strip() + "/include"
    for src in ("iomemcheck.c", "lower.c", "paths.c", "ops.c", "version.c"):
        p = subprocess.run([corpus.GXX, "-fsyntax-only", "-Wall", "-Wextra", "-fno-rtti",
                            "-std=gnu++17", "-I" + inc, "-I", os.path.join(ROOT, "core"),
                            "-x", "c++", os.path.join(ROOT, "gcc", src)],
                           capture_output=True, text=True)
        assert p.returncode == 0 and p.stderr == "", p.stderr


@pytest.mark.parametrize("golden", sorted(f for f in os.listdir(GOLDEN) if f.endswith(".txt")))
def test_golden_text(golden):
    """The whole output (messages and notes) of a few samples, reviewed by hand."""
    sample = corpus.Sample(os.path.join(corpus.SAMPLES, golden[:-4] + ".c"))
    text = corpus.gcc_engine("-O0", corpus.GCC)(sample)
    with open(os.path.join(GOLDEN, golden)) as f:
        assert text == f.read()


def test_fortify_asm_label_names_the_real_function(tmp_path):
    # FORTIFY/KASAN builds call __underlying_memcpy(), declared with asm("memcpy").
    src = r"""
#include <linux/iosys-map.h>
extern void *__underlying_memcpy(void *p, const void *q, unsigned long n) __asm__("memcpy");
void f(struct iosys_map *m, void *d, unsigned long n) { __underlying_memcpy(d, m->vaddr, n); }
"""
    p = gcc(src, tmp_path=tmp_path, opt="-O2")
    assert "'m->vaddr' passed to 'memcpy' while 'is_iomem' may be true [IOM003]" in p.stderr
