#!/usr/bin/python3
"""Run the golden corpus through every available engine.

    run.py              check every sample against its expectations
    run.py NAME...      only these samples (file names or check-names)
    run.py --show       just print what the checker says about each sample
    run.py --engine=gcc-11[,gcc-O2]
                        only these engines: an engine name, or the compiler of
                        a plugin build for both of its engines (default: every
                        engine that is built)

Prints one summary line; on a mismatch, the sample with the expected and the
actual findings side by side.  Exit status 1 on any mismatch.  A finding in any
file but the sample itself (a header of kernel-samples/include/, say) is a
mismatch too.

    run.py --dump NAME.c
                        print the lowered functions of a sample, as its golden
                        dump testsuite/golden/NAME.dump holds them
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402


def side_by_side(sample, expected, actual):
    out = [f"--- {sample.rel}: {sample.tags.get('check-name', '')}",
           f"    {'expected':<24} {'actual':<24} source"]
    for line in sorted({l for l, _ in expected | actual}):
        exp = ",".join(sorted(r for l, r in expected if l == line)) or "-"
        act = ",".join(sorted(r for l, r in actual if l == line)) or "-"
        mark = " " if exp == act else "!"
        out.append(f"{mark} {line:4d} {exp:<19} {act:<24} {sample.source(line)[:60]}")
    return "\n".join(out)


def main(argv):
    show = "--show" in argv
    dump = "--dump" in argv
    wanted = [a for a in argv if not a.startswith("--")]
    only = [n for a in argv if a.startswith("--engine=") for n in a[9:].split(",") if n]
    bad = [a for a in argv if a.startswith("--") and a not in ("--show", "--dump") and
           not a.startswith("--engine=")]
    if bad:
        print(f"corpus: error: unknown option '{bad[0]}'")
        return 1
    try:
        samples = corpus.samples()
        chosen = corpus.select(corpus.ENGINES, only)
    except corpus.SampleError as e:
        print(f"corpus: error: {e}")
        return 1
    if wanted:
        samples = [s for s in samples if s.name in wanted or s.tags["check-name"] in wanted]
    engines = [(n, run) for n, run, available in chosen if available()]
    if not engines:
        print("corpus: no engine available (run make)")
        return 1
    if show:
        engines = engines[:1]
    if dump:
        for sample in samples:
            sys.stdout.write(corpus.dump_text(sample))
        return 0

    failures, checked, differences = [], 0, 0
    # The libclang engine is meant to print exactly what the GCC engine at
    # -O0 prints (columns and notes too): counted, not failed, since only the
    # (line, rule) sets are the contract.
    texts, same_text = {}, []
    for sample in samples:
        texts.clear()
        for name, run in engines:
            if not show:
                checked += 1
            try:
                with tempfile.TemporaryDirectory() as work:
                    facts = corpus.facts_for(run, sample, work)
                    text = run(sample, opts={"facts": facts} if facts else None)
            except corpus.SampleError as e:
                failures.append(f"--- {name}: {e}")
                continue
            if show:
                sys.stdout.write(text)
                continue
            texts[name] = text
            if name == "clang" and "gcc-O0" in texts:
                same_text.append(texts["gcc-O0"] == text)
            actual = corpus.parse_findings(text, sample.rel)
            elsewhere = corpus.findings_elsewhere(text, sample.rel)
            if actual == sample.expected and not elsewhere:
                continue
            if name in sample.differences:
                differences += 1
                continue
            failures.append(f"[{name}]\n" + side_by_side(sample, sample.expected, actual) +
                            "".join(f"\n! outside the sample: {l}" for l in elsewhere))
    if show:
        return 0
    for f in failures:
        print(f)
    names = ", ".join(n for n, _ in engines)
    known_fp = sum(len(s.known_fp) for s in samples)
    print(f"corpus: {len(samples)} samples x {len(engines)} engines ({names}): "
          f"{checked - len(failures) - differences} match, {differences} known differences, "
          f"{len(failures)} mismatches; {known_fp} known false positives pinned")
    if same_text:
        print(f"corpus: clang prints the same text as gcc-O0 on {sum(same_text)} of "
              f"{len(same_text)} samples")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
