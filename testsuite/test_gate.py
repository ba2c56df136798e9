"""The CI gate: import, keys and baseline, suppressions, SARIF (validated with
Microsoft's SARIF multitool and GitHub's rules), shards and merge, the other
sinks, exit status.

Findings come from the real GCC plugin run on copies of corpus samples in a
temporary tree, so every test goes through what a CI job would run.
"""
import json
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

import corpus

ROOT = corpus.ROOT
GATE = os.path.join(ROOT, "cmd", "iomemcheck")
ENV = dict(os.environ, LC_ALL="C")

pytestmark = pytest.mark.skipif(not (corpus.plugin_available() and os.path.exists(GATE)),
                                reason="plugin or gate not built")

# Samples with findings of several rules, and one with notes.
SAMPLES = ["guc-log-nested-bo-raw.c", "bo-header-joined-set-helpers.c",
           "dma-buf-map-set-vaddr-from-param.c", "map-clobbered-by-driver-call.c"]


def tree(tmp_path, names=SAMPLES, sub="drivers"):
    """A small source tree of samples under tmp_path/src/<sub>/."""
    src = tmp_path / "src"
    (src / sub).mkdir(parents=True, exist_ok=True)
    for n in names:
        shutil.copy(os.path.join(corpus.SAMPLES, n), src / sub / n)
    return src


def sources(src):
    return [os.path.relpath(os.path.join(d, f), src)
            for d, _, files in sorted(os.walk(src)) for f in sorted(files) if f.endswith(".c")]


def compile_all(src, *args):
    """gcc with the plugin over every .c file of the tree, two at a time (the
    json= file is appended to by both, as in a make -j build)."""
    def one(rel):
        return subprocess.run(["gcc", "-c", "-O2", "-nostdinc", "-I", corpus.INCLUDE,
                               "-o", "/dev/null", "-fplugin=" + corpus.PLUGIN, *args, rel],
                              cwd=src, capture_output=True, text=True, env=ENV)
    with ThreadPoolExecutor(2) as pool:
        return list(pool.map(one, sources(src)))


def analyse(src, out="f.json"):
    """The plugin over every .c file of the tree, json= lines, as a make -j build."""
    path = src / out
    if path.exists():
        path.unlink()
    for p in compile_all(src, "-fplugin-arg-iomemcheck-json=" + str(path)):
        assert p.returncode == 0, p.stderr
    return path


def gate(src, *args):
    return subprocess.run([GATE, *args], cwd=src, capture_output=True, text=True, env=ENV)


def plugin_text(src):
    """What the plugin prints in a build of the tree: finding and note lines."""
    lines = []
    for p in compile_all(src):
        lines += [l for l in p.stderr.splitlines() if ": warning: " in l or ": note: " in l]
    return lines


# ---- import -----------------------------------------------------------------

def test_import_gives_the_plugins_own_text(tmp_path):
    src = tree(tmp_path)
    f = analyse(src)
    # A parallel build appends: the same findings twice must count once.
    f.write_text(f.read_text() * 2)
    p = gate(src, "--import", "f.json")
    assert p.returncode == 1
    want = plugin_text(src)
    assert sorted(p.stdout.splitlines()) == sorted(want)
    n = sum(": warning: " in l for l in want)
    assert n > 5
    assert f"iomemcheck: {n} findings, 0 suppressed" in p.stderr


def test_import_of_sparse_output_keeps_notes_and_skips_other_lines(tmp_path):
    src = tree(tmp_path, names=[])
    log = src / "sparse.txt"
    log.write_text(
        "  CHECK   drivers/a.c\n"
        "drivers/a.c:9:44: warning: incorrect type in argument 1 (different address spaces) [IOM010]\n"
        "drivers/a.c:9:44:    expected void *[assigned] dst\n"
        "drivers/a.c:9:44:    got void [noderef] __iosys *vaddr\n"
        "drivers/a.c:12:5: warning: symbol 'x' was not declared. Should it be static?\n")
    p = gate(src, "--import", "sparse.txt", "--format=json")
    assert p.returncode == 1
    objs = [json.loads(l) for l in p.stdout.splitlines()]
    assert len(objs) == 1
    o = objs[0]
    assert (o["rule"], o["line"], o["column"]) == ("IOM010", 9, 44)
    assert [n["message"] for n in o["notes"]] == ["expected void *[assigned] dst",
                                                   "got void [noderef] __iosys *vaddr"]


@pytest.mark.parametrize("content,line,what", [
    ('{"rule":"IOM003","file":"a.c","line":1,"column":1,"message":"m"}\n{"rule":"IOM0', 2, "not JSON"),
    ('{"rule":"IOM042","file":"a.c","line":1,"column":1,"message":"m"}\n', 1, "unknown rule 'IOM042'"),
    ('{"rule":"IOM003","file":"a.c","message":"m"}\n', 1, "needs rule, file, line"),
    ('a.c:3:4: warning: x [IOM077]\n', 1, "unknown rule 'IOM077'"),
])
def test_malformed_import_names_file_and_line(tmp_path, content, line, what):
    (tmp_path / "bad.json").write_text(content)
    p = gate(tmp_path, "--import", "bad.json")
    assert p.returncode == 2
    assert p.stderr.startswith(f"bad.json:{line}: error: ")
    assert what in p.stderr
    assert p.stdout == ""


# ---- baseline ---------------------------------------------------------------

def baseline_run(src, *extra):
    analyse(src)
    return gate(src, "--import", "f.json", "--baseline", "base.json", *extra)


def write_baseline(src):
    analyse(src)
    p = gate(src, "--import", "f.json", "--write-baseline", "base.json", "-q")
    assert p.returncode == 0, p.stderr
    lines = (src / "base.json").read_text().splitlines()
    assert lines == sorted(lines) and len(lines) > 5
    for l in lines:
        o = json.loads(l)
        assert "line" not in o and len(o["key"]) == 16
    return lines


def test_baseline_is_stable(tmp_path):
    src = tree(tmp_path)
    first = write_baseline(src)
    assert write_baseline(src) == first


def edit(path, fn):
    path.write_text(fn(path.read_text()))


def test_baseline_holds_after_lines_inserted_above(tmp_path):
    src = tree(tmp_path)
    write_baseline(src)
    for n in SAMPLES:
        edit(src / "drivers" / n, lambda t: "/* a new comment */\n\n\n" + t.replace(
            "#include", "/* moved */\n#include", 1))
    p = baseline_run(src)
    assert p.returncode == 0, p.stdout + p.stderr
    assert p.stdout == ""
    assert "iomemcheck: 0 new, " in p.stderr and " 0 fixed (in the baseline, no longer found)" in p.stderr


def test_baseline_holds_after_reindentation(tmp_path):
    src = tree(tmp_path)
    write_baseline(src)
    for n in SAMPLES:
        edit(src / "drivers" / n, lambda t: "\n".join(
            ("        " + l.lstrip("\t ")) if l.startswith("\t") else l for l in t.split("\n")))
    p = baseline_run(src)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "iomemcheck: 0 new, " in p.stderr


def test_baseline_holds_after_files_renamed_and_moved(tmp_path):
    src = tree(tmp_path)
    write_baseline(src)
    (src / "gpu").mkdir()
    for n in SAMPLES:
        os.rename(src / "drivers" / n, src / "gpu" / ("renamed-" + n))
    p = baseline_run(src)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "iomemcheck: 0 new, " in p.stderr and " 0 fixed " in p.stderr


NEW_BUG = """
void mydrv_new_bug(struct iosys_map *map, u32 v)
{
	*(u32 *)map->vaddr = v;
}
"""


def test_one_new_bug_is_exactly_one_new_finding(tmp_path):
    src = tree(tmp_path)
    write_baseline(src)
    target = src / "drivers" / SAMPLES[0]
    edit(target, lambda t: t + NEW_BUG)
    p = baseline_run(src)
    assert p.returncode == 1
    findings = [l for l in p.stdout.splitlines() if ": warning: " in l]
    assert len(findings) == 1
    assert "map->vaddr" in findings[0] and "[IOM002]" in findings[0]
    total = len((src / "base.json").read_text().splitlines())
    assert f"iomemcheck: 1 new, {total} baselined, 0 fixed (in the baseline, no longer found)" in p.stderr


def test_fixed_findings_are_counted_and_pruned(tmp_path):
    src = tree(tmp_path)
    before = write_baseline(src)
    gone = sum(SAMPLES[0] in l for l in before)
    assert gone
    os.unlink(src / "drivers" / SAMPLES[0])
    p = baseline_run(src)
    assert p.returncode == 0
    assert f" {gone} fixed (in the baseline, no longer found)" in p.stderr
    p = baseline_run(src, "--prune-baseline")
    assert p.returncode == 0
    after = (src / "base.json").read_text().splitlines()
    assert len(after) == len(before) - gone
    assert " 0 fixed " in baseline_run(src).stderr


@pytest.mark.parametrize("content,line,what", [
    ('{"file":"a.c","rule":"IOM003","key":"0123456789abcdef"}\nnot json\n', 2, "not JSON"),
    ('{"file":"a.c","rule":"IOM003","key":"xyz"}\n', 1, "'key'"),
    ('["IOM003"]\n', 1, "JSON object"),
])
def test_malformed_baseline_names_file_and_line(tmp_path, content, line, what):
    src = tree(tmp_path)
    analyse(src)
    (src / "base.json").write_text(content)
    p = gate(src, "--import", "f.json", "--baseline", "base.json")
    assert p.returncode == 2
    assert p.stderr.startswith(f"base.json:{line}: error: ") and what in p.stderr


# ---- suppressions -----------------------------------------------------------

SUPPRESSED = """#include <linux/iosys-map.h>
void a(struct iosys_map *map, u32 v)
{
	/* iomemcheck: ignore IOM002 -- the caller pins this BO in system memory */
	*(u32 *)map->vaddr = v;
	*(u32 *)map->vaddr = v;	/* iomemcheck: ignore IOM002 -- same */
	*(u32 *)map->vaddr = v;
}
"""


def test_suppression_with_reason(tmp_path):
    src = tree(tmp_path, names=[])
    (src / "drivers" / "s.c").write_text(SUPPRESSED)
    analyse(src)
    p = gate(src, "--import", "f.json")
    assert p.returncode == 1
    assert [l.split(":")[1] for l in p.stdout.splitlines() if "warning" in l] == ["7"]
    assert "iomemcheck: 1 findings, 2 suppressed" in p.stderr


def test_suppression_without_reason_is_an_error(tmp_path):
    src = tree(tmp_path, names=[])
    (src / "drivers" / "s.c").write_text(SUPPRESSED.replace(" -- same", ""))
    analyse(src)
    p = gate(src, "--import", "f.json")
    assert p.returncode == 2
    assert "drivers/s.c:6: error: iomemcheck suppression needs a reason" in p.stderr
    assert "iomemcheck: 2 findings, 1 suppressed" in p.stderr


def test_suppression_naming_an_unknown_rule_is_an_error(tmp_path):
    src = tree(tmp_path, names=[])
    (src / "drivers" / "s.c").write_text(SUPPRESSED.replace("ignore IOM002 -- same", "ignore IOM099 -- same"))
    analyse(src)
    p = gate(src, "--import", "f.json")
    assert p.returncode == 2
    assert "drivers/s.c:6: error: iomemcheck suppression names an unknown rule" in p.stderr


# ---- SARIF ------------------------------------------------------------------

def sarif(src, *args):
    p = gate(src, "--import", *args, "--format=sarif", "-o", "out.sarif")
    assert p.returncode in (0, 1), p.stderr
    return json.loads((src / "out.sarif").read_text())


def two_engines(tmp_path):
    src = tree(tmp_path)
    analyse(src)
    (src / "sparse.txt").write_text(
        f"drivers/{SAMPLES[0]}:20:9: warning: cast removes address space '__iosys' of expression [IOM010]\n")
    return src


def test_sarif_has_one_run_per_engine_and_what_github_reads(tmp_path):
    src = two_engines(tmp_path)
    doc = sarif(src, "f.json", "sparse.txt")
    assert doc["version"] == "2.1.0"
    runs = doc["runs"]
    assert [r["properties"]["engine"] for r in runs] == ["gcc", "sparse"]
    ids = [r["automationDetails"]["id"] for r in runs]
    assert len(set(ids)) == 2
    for run in runs:
        drv = run["tool"]["driver"]
        assert drv["name"] == "iomemcheck" and drv["semanticVersion"] and drv["informationUri"]
        rules = drv["rules"]
        for r in rules:
            assert r["help"]["text"] and r["help"]["markdown"].startswith("# " + r["id"])
            assert r["shortDescription"]["text"] and r["fullDescription"]["text"]
            assert r["properties"]["precision"] in ("high", "medium")
        assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file://" + str(src) + "/"
        for res in run["results"]:
            assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
            loc = res["locations"][0]["physicalLocation"]
            assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
            assert loc["artifactLocation"]["uri"].startswith("drivers/")
            reg = loc["region"]
            assert reg["endColumn"] > reg["startColumn"] >= 1
            fp = res["partialFingerprints"]
            assert ":" in fp["primaryLocationLineHash"] and len(fp["iomemcheck/v1"]) == 16
            if run["properties"]["engine"] == "gcc":
                assert res["relatedLocations"] or not res.get("codeFlows")
    with_notes = [r for r in runs[0]["results"] if r.get("relatedLocations")]
    assert with_notes
    flow = with_notes[0]["codeFlows"][0]["threadFlows"][0]["locations"]
    assert len(flow) == len(with_notes[0]["relatedLocations"]) + 1
    inv = runs[0]["invocations"][0]
    assert inv["executionSuccessful"] is True


def test_sarif_region_runs_to_the_end_of_the_expression(tmp_path):
    src = tree(tmp_path, names=[])
    (src / "drivers" / "s.c").write_text(
        "#include <linux/iosys-map.h>\nvoid vunmap(const void *);\n"
        "void a(struct iosys_map *map)\n{\n\tvunmap(map->vaddr);\n}\n")
    analyse(src)
    res = sarif(src, "f.json")["runs"][0]["results"][0]
    reg = res["locations"][0]["physicalLocation"]["region"]
    assert (reg["startLine"], reg["startColumn"]) == (5, 2)    # the engine's column: the call
    line = (src / "drivers" / "s.c").read_text().split("\n")[4]
    assert line[reg["startColumn"] - 1:reg["endColumn"] - 1] == "vunmap(map->vaddr"


def test_upload_file_leaves_baselined_out_and_sarif_all_marks_them(tmp_path):
    src = tree(tmp_path)
    write_baseline(src)
    edit(src / "drivers" / SAMPLES[0], lambda t: t + NEW_BUG)
    analyse(src)
    up = sarif(src, "f.json", "--baseline", "base.json")
    assert len(up["runs"][0]["results"]) == 1
    assert "baselineState" not in up["runs"][0]["results"][0]
    full = sarif(src, "f.json", "--baseline", "base.json", "--sarif-all")
    states = [r["baselineState"] for r in full["runs"][0]["results"]]
    assert states.count("new") == 1 and states.count("unchanged") == len(states) - 1 > 0


@pytest.fixture(scope="session")
def multitool():
    p = subprocess.run([os.path.join(ROOT, "scripts", "need-sarif-multitool")],
                       capture_output=True, text=True)
    if p.returncode:
        pytest.skip("SARIF multitool not installable (npm registry unreachable?): "
                    + p.stderr.strip().splitlines()[-1])
    return p.stdout.strip()


def validate(multitool, path):
    out = path.parent / (path.name + ".validation")
    if out.exists():
        out.unlink()
    p = subprocess.run([multitool, "validate", "--rule-kind", "Gh;Ghas", "-o", str(out), str(path)],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    log = json.loads(out.read_text())
    return [r for run in log["runs"] for r in run.get("results", [])
            if r.get("level", "warning") in ("error", "warning")]


def test_multitool_finds_problems_in_a_bad_file(tmp_path, multitool):
    # The validator itself must be able to fail here.
    bad = tmp_path / "bad.sarif"
    bad.write_text(json.dumps({"version": "2.1.0", "runs": [{"tool": {"driver": {
        "name": "x", "rules": [{"id": "A1"}]}}, "results": []}]}))
    assert any(r["ruleId"].startswith("GH") for r in validate(multitool, bad))


def test_sarif_validates_with_githubs_rules(tmp_path, multitool):
    src = two_engines(tmp_path)
    write_baseline(src)
    edit(src / "drivers" / SAMPLES[0], lambda t: t + NEW_BUG)
    analyse(src)
    for extra in ([], ["--baseline", "base.json", "--sarif-all"]):
        sarif(src, "f.json", "sparse.txt", *extra)
        assert validate(multitool, src / "out.sarif") == []


# ---- shards -----------------------------------------------------------------

def results_of(doc):
    return sorted(json.dumps(r, sort_keys=True) for run in doc["runs"] for r in run["results"])


def test_merged_shards_equal_the_unsharded_run(tmp_path):
    names = sorted(f for f in os.listdir(corpus.SAMPLES) if f.endswith(".c"))[:12]
    src = tree(tmp_path, names=names)
    analyse(src)
    whole = gate(src, "--import", "f.json", "--format=sarif", "--sarif-all", "-o", "all.sarif")
    shards = []
    for k in (1, 2, 3):
        p = gate(src, "--import", "f.json", "--shard", f"{k}/3", "--format=sarif", "--sarif-all",
                 "-o", f"s{k}.sarif")
        assert p.returncode in (0, 1)
        shards.append(json.loads((src / f"s{k}.sarif").read_text()))
    sizes = [len(results_of(s)) for s in shards]
    assert all(sizes) and sum(sizes) == len(results_of(json.loads((src / "all.sarif").read_text())))
    assert "baselineState" not in (src / "all.sarif").read_text()     # no baseline, no state
    p = gate(src, "--merge", "s1.sarif", "s2.sarif", "s3.sarif", "--format=sarif", "--sarif-all",
             "-o", "merged.sarif")
    assert p.returncode == whole.returncode
    assert (src / "merged.sarif").read_text() == (src / "all.sarif").read_text()
    # and in another format, straight from the merge
    p = gate(src, "--merge", "s1.sarif", "s2.sarif", "s3.sarif")
    assert p.stdout == gate(src, "--import", "f.json").stdout


def test_bad_shard_and_merge_input(tmp_path):
    assert gate(tmp_path, "--import", "x", "--shard", "4/3").returncode == 2
    (tmp_path / "x.sarif").write_text("{\n\"version\": \"2.1.0\",\n")
    p = gate(tmp_path, "--merge", "x.sarif")
    assert p.returncode == 2 and p.stderr.startswith("x.sarif:")


# ---- other sinks --------------------------------------------------------------

def test_github_annotations_new_first_and_summary(tmp_path):
    src = tree(tmp_path)
    write_baseline(src)
    edit(src / "drivers" / SAMPLES[0], lambda t: t + NEW_BUG)
    analyse(src)
    p = gate(src, "--import", "f.json", "--baseline", "base.json", "--format=github")
    lines = p.stdout.splitlines()
    assert lines[0].startswith(f"::warning file=drivers/{SAMPLES[0]},line=")
    assert "title=IOM002 (new)::store through 'map->vaddr'" in lines[0]
    assert len(lines) == 2 and lines[1].startswith("::notice title=iomemcheck::iomemcheck: 1 new, ")


def test_codequality_and_0day(tmp_path):
    src = tree(tmp_path)
    write_baseline(src)
    edit(src / "drivers" / SAMPLES[0], lambda t: t + NEW_BUG)
    analyse(src)
    p = gate(src, "--import", "f.json", "--baseline", "base.json", "--format=codequality")
    cq = json.loads(p.stdout)
    assert len(cq) == 1 and cq[0]["check_name"] == "IOM002"
    assert cq[0]["location"]["path"] == f"drivers/{SAMPLES[0]}" and len(cq[0]["fingerprint"]) == 16
    p = gate(src, "--import", "f.json", "--baseline", "base.json", "--format=0day")
    marked = [l for l in p.stdout.splitlines() if l.startswith(">> ")]
    assert len(marked) == 1 and "[IOM002]" in marked[0]
    assert any(l.startswith(">") and "*(u32 *)map->vaddr = v;" in l
               for l in p.stdout.splitlines() if not l.startswith(">>"))


def test_output_file_is_replaced_whole(tmp_path):
    src = tree(tmp_path)
    analyse(src)
    (src / "out.sarif").write_text("old")
    gate(src, "--import", "f.json", "--format=sarif", "-o", "out.sarif")
    assert json.loads((src / "out.sarif").read_text())["version"] == "2.1.0"
    assert not [f for f in os.listdir(src) if ".tmp" in f]
    p = gate(src, "--import", "f.json", "-o", "/nonexistent/dir/out")
    assert p.returncode == 2 and "/nonexistent/dir/out: error: cannot write" in p.stderr


def test_usage_errors_exit_2(tmp_path):
    assert gate(tmp_path, "--import", "--format=xml").returncode == 2
    assert gate(tmp_path, "--import", "--prune-baseline").returncode == 2
    assert gate(tmp_path, "--import", "missing.json").returncode == 2


# ---- the native command: a compile database through --engine=gcc -------------

def database(src):
    entries = [{"directory": str(src), "file": rel,
                "arguments": ["gcc", "-c", "-O2", "-nostdinc", "-I", corpus.INCLUDE,
                              "-o", "/dev/null", rel]} for rel in sources(src)]
    (src / "compile_commands.json").write_text(json.dumps(entries, indent=1))


def native(src, *args):
    return gate(src, "--engine=gcc", "-q", *args)


def test_native_run_baseline_and_new_bug(tmp_path):
    src = tree(tmp_path)
    database(src)
    p = native(src, "--write-baseline", "base.json")
    assert p.returncode == 0, p.stderr
    analyse(src)
    # The same keys as an import of the plugin's JSON of the same tree.
    imported = gate(src, "--import", "f.json", "--write-baseline", "imp.json", "-q")
    assert imported.returncode == 0
    strip = lambda t: sorted(l.replace('"engine":"gcc",', "") for l in t.splitlines())
    assert strip((src / "base.json").read_text()) == strip((src / "imp.json").read_text())
    p = gate(src, "--engine=gcc", "--baseline", "base.json")
    assert p.returncode == 0 and p.stdout == ""
    assert p.stderr.splitlines()[-1].startswith("iomemcheck: 0 new, ")
    edit(src / "drivers" / SAMPLES[1], lambda t: t + NEW_BUG)
    p = native(src, "--baseline", "base.json", "--format=sarif", "-o", "up.sarif")
    assert p.returncode == 1
    doc = json.loads((src / "up.sarif").read_text())
    assert [r["automationDetails"]["id"] for r in doc["runs"]] == ["iomemcheck/gcc/"]
    assert len(doc["runs"][0]["results"]) == 1
    notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert sorted(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes) \
        == sorted("drivers/" + n for n in SAMPLES)


def test_native_shards_merge_to_the_unsharded_run(tmp_path):
    names = sorted(f for f in os.listdir(corpus.SAMPLES) if f.endswith(".c"))[:8]
    src = tree(tmp_path, names=names)
    database(src)
    whole = native(src, "--format=sarif", "--sarif-all", "-o", "all.sarif")
    for k in (1, 2):
        assert native(src, "--shard", f"{k}/2", "--format=sarif", "--sarif-all",
                      "-o", f"s{k}.sarif").returncode in (0, 1)
    p = gate(src, "--merge", "s1.sarif", "s2.sarif", "--format=sarif", "--sarif-all", "-o", "m.sarif")
    assert p.returncode == whole.returncode
    assert (src / "m.sarif").read_text() == (src / "all.sarif").read_text()


def test_native_file_not_analysed_is_exit_3_and_in_invocations(tmp_path):
    src = tree(tmp_path, names=SAMPLES[:1])
    (src / "drivers" / "broken.c").write_text("int f(void) { return }\n")
    database(src)
    p = native(src, "--format=sarif", "-o", "out.sarif")
    assert p.returncode == 3
    inv = json.loads((src / "out.sarif").read_text())["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    bad = [n for n in inv["toolExecutionNotifications"] if n["level"] == "error"]
    assert len(bad) == 1 and "broken.c" in bad[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]


def test_a_baseline_holds_across_engines(tmp_path):
    # Keys hold no engine: a baseline written from the GCC engine's run holds for
    # the libclang engine's run of the same tree, which lands in its own SARIF run.
    src = tree(tmp_path)
    database(src)
    assert native(src, "--write-baseline", "base.json").returncode == 0
    p = gate(src, "-q", "--baseline", "base.json", "--format=sarif", "--sarif-all", "-o", "c.sarif")
    assert p.returncode == 0, p.stderr
    doc = json.loads((src / "c.sarif").read_text())
    assert [r["automationDetails"]["id"] for r in doc["runs"]] == ["iomemcheck/clang/"]
    states = [r["baselineState"] for r in doc["runs"][0]["results"]]
    assert states and set(states) == {"unchanged"}


def test_whole_corpus_sarif_validates(tmp_path, multitool):
    # (Whether the two engines agree on every sample is the corpus suite's
    # question, with its known differences; the gate's own cross-engine test
    # is test_a_baseline_holds_across_engines.)
    names = sorted(f for f in os.listdir(corpus.SAMPLES) if f.endswith(".c"))
    src = tree(tmp_path, names=names, sub="kernel-samples")
    database(src)
    p = gate(src, "-q", "--format=sarif", "-o", "c.sarif", "--write-baseline", "base.json")
    assert p.returncode == 0, p.stderr
    doc = json.loads((src / "c.sarif").read_text())
    n = len(doc["runs"][0]["results"])
    assert n == len((src / "base.json").read_text().splitlines()) > 100
    assert validate(multitool, src / "c.sarif") == []


def test_sarif_columns_count_utf16_units_and_merge_keeps_the_bytes(tmp_path):
    src = tree(tmp_path, names=[])
    (src / "drivers" / "u.c").write_text(
        "#include <linux/iosys-map.h>\nvoid vunmap(const void *);\n"
        "void a(struct iosys_map *map)\n{\n\t/* \u00e9\u00e9 */ vunmap(map->vaddr);\n}\n")
    analyse(src)
    gnu = gate(src, "--import", "f.json").stdout
    assert "drivers/u.c:5:13: warning:" in gnu           # bytes: tab, 8 for the comment, space
    p = gate(src, "--import", "f.json", "--format=sarif", "--sarif-all", "-o", "u.sarif")
    reg = json.loads((src / "u.sarif").read_text())["runs"][0]["results"][0][
        "locations"][0]["physicalLocation"]["region"]
    assert (reg["startColumn"], reg["properties"]["byteStartColumn"]) == (11, 13)
    line = (src / "drivers" / "u.c").read_text().split("\n")[4]
    assert line[reg["startColumn"] - 1:reg["endColumn"] - 1] == "vunmap(map->vaddr"
    assert gate(src, "--merge", "u.sarif").stdout == gnu
