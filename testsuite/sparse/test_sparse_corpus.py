"""The golden corpus (kernel-samples/) through strict mode.

- No sample gets a diagnostic inside the map headers.
- Every line stock sparse prints is still printed, in order; everything
  added is an IOM010 diagnostic.
- Samples with `check-enable: IOM010` get IOM010 on exactly the lines
  whose `expect:` marker names it, except raw NULL and truth-value tests
  (the marker also names IOM006): sparse does not complain about a
  noderef pointer used as a condition or compared with NULL, so strict
  mode with stock sparse cannot see them (sparse/README.md).
"""
import re

import pytest

from sparse_helpers import REPO, TAG, check, expected_lines, stock

CORPUS = REPO / "kernel-samples"
READY = (CORPUS / "include" / ".ready").exists()
SAMPLES = sorted(p.name for p in CORPUS.glob("*.c")) if READY else []
ARGS = ["-Iinclude"]


def strict(path):
    return "check-enable: IOM010" in path.read_text()


def test_corpus_is_there():
    if not READY:
        pytest.skip("kernel-samples/include/.ready is missing")
    assert len(SAMPLES) >= 10
    assert any(strict(CORPUS / s) for s in SAMPLES)


@pytest.mark.parametrize("sample", SAMPLES)
def test_sample(binary, env, sample):
    ours = check(binary, ARGS + [sample], CORPUS, env)
    plain = stock(ARGS + [sample], CORPUS, env)
    assert ours.returncode == plain.returncode
    assert "-map.h" not in ours.stderr
    # stock output kept, additions tagged
    plain_lines, k, added = plain.stderr.splitlines(), 0, []
    for l in ours.stderr.splitlines():
        if k < len(plain_lines) and l in (plain_lines[k], plain_lines[k] + TAG):
            k += 1
        else:
            added.append(l)
    assert k == len(plain_lines)
    heads = [l for l in added if re.search(r":\d+:\d+: (warning|error): ", l)]
    assert all(l.endswith(TAG) for l in heads), heads
    if not strict(CORPUS / sample):
        return
    got = {int(re.match(r".*?:(\d+):", l).group(1))
           for l in ours.stderr.splitlines() if l.endswith(TAG)}
    want = {n for _, n in expected_lines(CORPUS / sample)}
    blind = {n for _, n in expected_lines(CORPUS / sample, rule="IOM006")}
    assert got <= want, "IOM010 on unmarked lines %s" % sorted(got - want)
    assert want - got <= blind, "IOM010 missing on %s" % sorted(want - got - blind)
