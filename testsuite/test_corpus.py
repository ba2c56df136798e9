"""The corpus driver itself (run.py, corpus.py): what makes it fail, and the
golden dumps of a few samples, so a change in lowering shows in review.

Run with /usr/bin/python3 -m pytest testsuite (make check does).
"""
import os

import pytest

import corpus
import run

GOLDEN = os.path.join(corpus.ROOT, "testsuite", "golden")

pytestmark = pytest.mark.skipif(not corpus.plugin_available(), reason="plugin not built")

HEADER = r"""
#include <linux/iosys-map.h>
u32 peek_header(struct iosys_map *map)
{
	return *(u32 *)map->vaddr;
}
"""

SAMPLE = r"""/*
 * check-name: finding in a header
 */
#include "peek.h"
u32 caller(struct iosys_map *map) { return peek_header(map); }
"""


def test_a_finding_outside_the_sample_is_a_mismatch(tmp_path, monkeypatch, capsys):
    (tmp_path / "peek.h").write_text(HEADER)
    (tmp_path / "s.c").write_text(SAMPLE)
    sample = corpus.Sample(str(tmp_path / "s.c"))
    monkeypatch.setattr(corpus, "samples", lambda: [sample])
    # The GCC engines analyse the header's function; the libclang engine only
    # the functions of the main file so far (a known difference of engines,
    # not of the driver this test is about).
    monkeypatch.setattr(corpus, "ENGINES", [e for e in corpus.ENGINES if e[0].startswith("gcc")])
    assert sample.expected == set()
    assert run.main(["--engine=" + corpus.GCC]) == 1
    out = capsys.readouterr().out
    assert "! outside the sample: " in out and "peek.h:5:" in out and "[IOM002]" in out
    # --engine=COMPILER picks its two levels, -O0 and -O2.
    assert "0 match, 0 known differences, 2 mismatches" in out


def test_the_sample_alone_matches(tmp_path, monkeypatch, capsys):
    # The same sample without the header's finding: the driver is not just failing.
    (tmp_path / "peek.h").write_text(HEADER.replace("*(u32 *)map->vaddr", "0"))
    (tmp_path / "s.c").write_text(SAMPLE)
    monkeypatch.setattr(corpus, "samples", lambda: [corpus.Sample(str(tmp_path / "s.c"))])
    assert run.main(["--engine=" + corpus.GCC]) == 0
    assert "2 match, 0 known differences, 0 mismatches" in capsys.readouterr().out


default_gcc_built = pytest.mark.skipif(not corpus.plugin_available("gcc"),
                                       reason="the default gcc's plugin is not built")


@default_gcc_built
@pytest.mark.parametrize("golden", sorted(f for f in os.listdir(GOLDEN) if f.endswith(".dump")))
def test_golden_dump(golden):
    """The lowered functions of a few samples: `testsuite/run.py --dump NAME.c` prints them."""
    sample = corpus.Sample(os.path.join(corpus.SAMPLES, golden[:-5] + ".c"))
    with open(os.path.join(GOLDEN, golden)) as f:
        assert corpus.dump_text(sample) == f.read()


@default_gcc_built
def test_dump_prints_names_not_numbers():
    sample = corpus.Sample(os.path.join(corpus.SAMPLES, "dma-buf-vmap-lifecycle-goto.c"))
    text = corpus.dump_text(sample)
    assert "map 0: local iosys_map, key map#N, display map" in text
    assert " load      line 23:9 map 0 is_iomem v" in text
    assert " clobber   line 19:8 by producer 'dma_buf_vmap' key dmabuf*" in text
    assert " set       map 0 uninit by scope" in text
