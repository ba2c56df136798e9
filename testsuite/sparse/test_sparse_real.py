"""The real include/linux/iosys-map.h of Linux 6.1 (Debian's linux-source
tree under build/, or the header alone taken from
/usr/src/linux-source-6.1.tar.xz at test time; nothing of it is stored
here).  The test tree's stub headers provide what it includes."""
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from sparse_helpers import (INCLUDES, REPO, TAG, check, expected_lines, run,
                            stock, tagged_lines)

TARBALL = Path("/usr/src/linux-source-6.1.tar.xz")

USE = r"""
#include <linux/iosys-map.h>

struct regs {
	u32 ctrl;
	u64 seqno;
};

u32 use_61(struct iosys_map *m, void *buf, void __iomem *io);
u32 raw_61(struct iosys_map *m, void *buf);

u32 use_61(struct iosys_map *m, void *buf, void __iomem *io)
{
	struct iosys_map sys = IOSYS_MAP_INIT_VADDR(buf);
	struct iosys_map vram = IOSYS_MAP_INIT_VADDR_IOMEM(io);
	struct iosys_map at = IOSYS_MAP_INIT_OFFSET(m, 64);
	struct iosys_map other;

	iosys_map_set_vaddr(&other, buf);
	iosys_map_set_vaddr_iomem(&other, io);
	iosys_map_memcpy_to(&at, 0, buf, 16);
	iosys_map_memcpy_from(buf, &vram, 4, 16);
	iosys_map_memset(&sys, 0, 0xff, 16);
	iosys_map_incr(&sys, 8);
	iosys_map_wr(m, 0, u32, 1);
	iosys_map_wr(m, 0, u8, 1);
	iosys_map_wr_field(m, 0, struct regs, seqno, 2);
	if (iosys_map_is_equal(&sys, m) || !iosys_map_is_set(&other))
		return iosys_map_rd_field(m, 0, struct regs, ctrl);
	iosys_map_clear(&vram);
	return iosys_map_rd(m, 4, u32) + iosys_map_rd(m, 2, u16) +
	       (u32)iosys_map_rd(m, 8, u64);
}

u32 raw_61(struct iosys_map *m, void *buf)
{
	memcpy(buf, m->vaddr, 4);	/* expect: IOM010 */
	return readl(m->vaddr_iomem);	/* expect: IOM010 */
}
"""


@pytest.fixture(scope="session")
def real_header(tmp_path_factory):
    found = sorted(REPO.glob("build/*/include/linux/iosys-map.h"))
    if found:
        return found[0]
    if not TARBALL.is_file():
        pytest.skip("no Linux 6.1 source (build/ tree or %s)" % TARBALL)
    out = tmp_path_factory.mktemp("linux-6.1")
    with tarfile.open(TARBALL) as tar:
        for m in tar:
            if m.name.endswith("/include/linux/iosys-map.h") and \
               m.name.count("/") == 3:
                try:
                    tar.extract(m, out, filter="data")
                except TypeError:       # Python without extraction filters
                    tar.extract(m, out)
                return out / m.name
    pytest.skip("%s has no include/linux/iosys-map.h" % TARBALL)


@pytest.fixture
def real_tree(tree, real_header):
    shutil.copy(real_header, tree / "include" / "linux" / "iosys-map.h")
    (tree / "drivers" / "use61.c").write_text(USE)
    return tree


def test_real_header_annotation(binary, real_header):
    r = run([binary, "--annotate", str(real_header)])
    assert r.returncode == 0, r.stderr
    text = real_header.read_text()
    assert r.stdout.count("\n") == text.count("\n")
    assert "void __iosys *vaddr_iomem;" in r.stdout
    assert "void __iosys *vaddr;" in r.stdout
    # every member access of the helpers went through the accessors
    code = [l for l in r.stdout.splitlines()
            if not l.lstrip().startswith(("*", "/*"))]
    for l in code:
        for m in ("->vaddr_iomem", "->vaddr"):
            if m in l:
                assert l.count("__iosys_vaddr") >= l.count("->vaddr"), l
    inline = run([binary, "--annotate", "--inline", str(real_header)])
    assert inline.returncode == 0
    assert inline.stdout.count("\n") == text.count("\n") + \
        run([binary, "--preamble"]).stdout.count("\n") + 1


def test_real_header_on_the_fly(binary, real_tree, env):
    src = "drivers/use61.c"
    plain = stock(INCLUDES + [src], real_tree, env)
    assert plain.stderr == ""                   # the stubs are complete
    r = check(binary, INCLUDES + [src], real_tree, env)
    assert r.returncode == 0
    assert tagged_lines(r.stderr) == expected_lines(real_tree / src, display=src)
    assert r.stderr.count(TAG) == 2
    assert "iosys-map.h" not in r.stderr


def test_real_header_patch(binary, real_tree, env):
    patch = run([binary, "--patch", str(real_tree)])
    assert patch.returncode == 0, patch.stderr
    p = subprocess.run(["patch", "-p1"], input=patch.stdout, cwd=real_tree,
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stdout
    src = "drivers/use61.c"
    plain = stock(INCLUDES + [src], real_tree, env)
    assert plain.stderr.count("(different address spaces)") == 2
    assert "iosys-map.h" not in plain.stderr
    if shutil.which("gcc"):
        cc = run(["gcc", "-fsyntax-only", "-nostdinc", "-Wall"] + INCLUDES +
                 [src], cwd=real_tree)
        assert cc.returncode == 0 and cc.stderr == "", cc.stderr
