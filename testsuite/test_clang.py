"""The libclang engine (clang/): bad input, control-flow shapes, and the full
text of the findings compared with the GCC engine's.

Run with /usr/bin/python3 -m pytest testsuite (make check does).
"""
import os
import subprocess

import pytest

import corpus

pytestmark = pytest.mark.skipif(not corpus.clang_available(), reason="clang engine not built")


def run(source, *args, tmp_path, name="t.c"):
    path = tmp_path / name
    path.write_text(source)
    cmd = [corpus.CLANG_RUN, *args, str(path), "--", "-nostdinc", "-I", corpus.INCLUDE]
    return subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))


def gcc(source, tmp_path, name="t.c"):
    path = tmp_path / name
    path.write_text(source)
    cmd = [corpus.GCC, "-c", "-O0", "-nostdinc", "-I", corpus.INCLUDE, "-o", "/dev/null",
           "-fplugin=" + corpus.PLUGIN, str(path)]
    return subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))


def found(p):
    return sorted(corpus.parse_findings(p.stdout))


def test_syntax_error_is_not_analysed_and_names_the_first_error(tmp_path):
    p = run("int f(void) { return 1 +; }\nint g(void) { return }\n", tmp_path=tmp_path)
    assert p.returncode == 3
    lines = p.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(str(tmp_path / "t.c") + ":1:") and ": error: " in lines[0]


def test_missing_file_is_not_analysed(tmp_path):
    p = subprocess.run([corpus.CLANG_RUN, str(tmp_path / "none.c")], capture_output=True, text=True)
    assert p.returncode == 3 and p.stderr.strip()


# Findings on the lines marked F only, each reached through a control-flow
# shape libclang leaves to the front end; the other accesses are guarded
# (a switch case, a return inside do/while(0), a loop exit, WARN_ON) and
# must stay silent.
SHAPES = r"""
#include <linux/iosys-map.h>
#include <linux/bug.h>
int g(int);
void f_switch(struct iosys_map *m, int k)
{
	switch (m->is_iomem) {
	case 0:
		*(u8 *)m->vaddr = 1;
		break;
	default:
		g(k);
	}
	switch (k) {
	case 1:
		g(1);
		/* fall through */
	case 2:
		*(u8 *)m->vaddr = 2;	/* F */
	}
}
void f_goto(struct iosys_map *m)
{
	if (m->is_iomem)
		goto out;
	*(u8 *)m->vaddr = 1;
	return;
out:
	*(u8 *)m->vaddr = 2;	/* F */
}
void f_loops(struct iosys_map *m, int n)
{
	u8 *p = m->vaddr;
	int i;

	for (i = 0; i < n; i++) {
		if (i == 3)
			continue;
		if (!m->is_iomem && i > 5)
			break;
	}
	do {
		if (m->is_iomem)
			return;
	} while (0);
	while (n--)
		p[n] = 0;
	p = m->vaddr;
	for (;;) {
		if (m->is_iomem || n)
			break;
		p[1] = 0;
	}
	p[2] = 0;
}
void f_ternary(struct iosys_map *m, int c)
{
	u8 *p = !m->is_iomem ? (u8 *)m->vaddr : NULL;
	u8 *q = c ? (u8 *)m->vaddr : NULL;

	if (p)		/* F */
		p[0] = 1;
	if (q)		/* F */
		q[0] = 1;	/* F */
}
void f_stmt_expr(struct iosys_map *m)
{
	if (WARN_ON(m->is_iomem))
		return;
	*(u8 *)m->vaddr = 1;
	({ int x = g(1); x; }) ? g(2) : g(3), *(u8 *)(m->vaddr + 1) = 2;
}
void f_phi(struct iosys_map *m, int n)
{
	u8 *p = m->vaddr, *q = NULL;

	while (n--) {
		q = p;
		p += 4;
	}
	if (q)
		g(*q);	/* F */
}
"""


def test_control_flow_shapes(tmp_path):
    p = run(SHAPES, tmp_path=tmp_path)
    assert p.returncode == 1, p.stderr
    marked = sorted(no for no, text in enumerate(SHAPES.split("\n"), 1) if "/* F */" in text)
    assert sorted({line for line, _ in found(p)}) == marked
    assert [r for _, r in found(p)] == ["IOM002", "IOM001", "IOM006", "IOM006", "IOM002", "IOM002"]


@pytest.mark.skipif(not corpus.plugin_available(), reason="plugin not built")
def test_same_text_as_the_gcc_engine_on_the_shapes(tmp_path):
    """Lines, columns, messages and notes: byte for byte."""
    assert run(SHAPES, tmp_path=tmp_path).stdout == gcc(SHAPES, tmp_path).stderr


# Odd shapes: nothing to find, nothing may crash.
ODD = r"""
#include <linux/iosys-map.h>
struct s { int a[4]; struct iosys_map maps[2]; };
static int tbl(int i) { static const int t[] = { [1] = 2, [3] = 4 }; return t[i & 3]; }
int odd(struct s *s, int i, void *lbl)
{
	struct iosys_map m = {}, n = m, *pm = &s->maps[i];
	int arr[] = { 1, 2, [5] = 3 };
	struct { struct iosys_map m; int x; } anon = { .m = IOSYS_MAP_INIT_VADDR(arr), .x = 1 };
	static void *jump[] = { &&a, &&b };

	n = (struct iosys_map){ .is_iomem = false };
	*pm = i ? m : n;
	goto *jump[i & 1];
a:
	i += sizeof(*pm) + _Generic(i, int: 1, default: 2);
b:
	return i ? tbl(i) : anon.x + arr[0] + (int)(long)lbl + (i, 2);
}
"""


def test_odd_shapes_do_not_crash(tmp_path):
    p = run(ODD, tmp_path=tmp_path)
    assert p.returncode == 0, p.stdout + p.stderr


# What the front end describes for the core's accuracy features: formats (joined
# literals, escapes, a NUL that ends the format), NULL tests of a map pointer in
# several spellings, a value parked in a private local struct (read back) and
# in an addressed one (an escape), a producer's result passed straight on.
ACCURACY = r"""
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/io.h>
#include <linux/iosys-map.h>
void fmt(struct iosys_map *m)
{
	printk(KERN_INFO "\x25*ph" "\n", 4, m->vaddr);	/* F */
	printk("\045s\n", (char *)m->vaddr);	/* F */
	printk("%%s %p\n", m->vaddr);
	printk("\0%s\n", (char *)m->vaddr);
}
void nul(struct iosys_map *m, struct iosys_map *n)
{
	if (m && !m->is_iomem)
		*(u8 *)m->vaddr = 0;
	else if (m != NULL)
		*(u8 *)m->vaddr = 1;	/* F */
	if (n == NULL || n->is_iomem)
		return;
	*(u8 *)n->vaddr = 2;
}
void nul2(struct iosys_map *m)
{
	if (NULL != m && m->is_iomem)
		*(u8 *)m->vaddr = 1;	/* F */
}
struct cur { void *p; int k; };
void take(struct cur *);
void slot(struct iosys_map *m)
{
	struct cur a, b;

	a.p = m->vaddr;
	*(u8 *)a.p = 0;	/* F */
	b.p = m->vaddr;	/* F */
	take(&b);
}
void prod(struct iosys_map *m, phys_addr_t base)
{
	iosys_map_set_vaddr(m, (void __force *)ioremap(base, 64));	/* F */
}
"""


def test_accuracy_facts(tmp_path):
    p = run(ACCURACY, tmp_path=tmp_path)
    assert p.returncode == 1, p.stderr
    marked = sorted(no for no, text in enumerate(ACCURACY.split("\n"), 1) if "/* F */" in text)
    assert sorted({line for line, _ in found(p)}) == marked
    assert [r for _, r in found(p)] == ["IOM002", "IOM002", "IOM001", "IOM001", "IOM002", "IOM003",
                                  "IOM007"]


@pytest.mark.skipif(not corpus.plugin_available(), reason="plugin not built")
def test_same_text_as_the_gcc_engine_on_accuracy(tmp_path):
    assert run(ACCURACY, tmp_path=tmp_path).stdout == gcc(ACCURACY, tmp_path).stderr


def test_functions_of_an_included_c_file_are_analysed(tmp_path):
    # The kernel's i915 gem files end with #include "selftests/....c": GCC
    # compiles those functions as the file's own, and so must the engine.
    (tmp_path / "selftest.c").write_text(
        "static int my_selftest(struct iosys_map *map)\n"
        "{\n"
        "\treturn *(int *)map->vaddr;\n"
        "}\n")
    source = ("#include <linux/kernel.h>\n#include <linux/iosys-map.h>\n"
              "#include \"selftest.c\"\n"
              "int run_it(struct iosys_map *m) { return my_selftest(m); }\n")
    clang = run(source, tmp_path=tmp_path, name="main.c")
    plugin = gcc(source, tmp_path=tmp_path, name="main.c")
    assert "selftest.c:3:" in clang.stdout and "[IOM002]" in clang.stdout, clang.stdout + clang.stderr
    assert [l for l in clang.stdout.splitlines() if "warning:" in l] == \
        [l for l in plugin.stderr.splitlines() if "warning:" in l]


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
def test_flag_returned_by_a_header_inline_function(tmp_path, result, want):
    # GCC analyses the header's inline function (it is used), so the flag it
    # returns reaches the caller; the libclang engine summarises it too.
    (tmp_path / "mybo.h").write_text(HEADER_HELPER.replace("RESULT", result))
    clang = run(HEADER_CALLER, tmp_path=tmp_path)
    assert found(clang) == want
    assert clang.stdout == gcc(HEADER_CALLER, tmp_path).stderr
