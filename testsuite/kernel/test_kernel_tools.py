"""Unit tests of the kernel-test tools (no kernel tree needed, < 1 s).

findings-table must keep reviewers' verdicts across re-runs, enginediff the
reasons of engine differences; check-kernel must
reject malformed findings; kbuild.saved_command must recover the exact compile
command from a kbuild .o.cmd file.
"""

import importlib.machinery
import importlib.util
import json
import os
import subprocess
import sys
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import kbuild  # noqa: E402


def load_script(name):
    path = os.path.join(HERE, name)
    loader = importlib.machinery.SourceFileLoader(name.replace("-", "_"), path)
    spec = importlib.util.spec_from_loader(loader.name, loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


def finding(file, line, rule="IOM002", message="store through 'map->vaddr'", function="f"):
    return {"rule": rule, "severity": "warning", "file": file, "line": line, "column": 9,
            "function": function, "message": message,
            "notes": [{"file": file, "line": 1, "column": 1, "message": "n"}]}


def write_json(path, items):
    with open(path, "w") as f:
        for d in items:
            f.write(json.dumps(d) + "\n")


def table(tmp_path, items, out):
    js = tmp_path / "f.json"
    write_json(js, items)
    subprocess.run([sys.executable, os.path.join(HERE, "findings-table"), "--json", str(js),
                    "-o", str(out)], check=True, stdout=subprocess.DEVNULL)
    return out.read_text()


def test_table_groups_and_escapes(tmp_path):
    out = tmp_path / "findings.md"
    text = table(tmp_path, [finding("./b.c", 3), finding("a.c", 7, "IOM003", "x | y"),
                            finding("a.c", 7, "IOM003", "x | y")], out)
    assert text.index("## a.c") < text.index("## b.c")
    assert "| a.c | 7 | IOM003 | f | x \\| y (x2) | TODO |" in text
    assert "| b.c | 3 | IOM002 |" in text          # ./ normalised away
    assert "2 findings in 2 files" in text


def test_table_keeps_verdicts(tmp_path):
    out = tmp_path / "findings.md"
    text = table(tmp_path, [finding("a.c", 7), finding("a.c", 9)], out)
    out.write_text(text.replace("| a.c | 7 | IOM002 | f | store through 'map->vaddr' | TODO |",
                                "| a.c | 7 | IOM002 | f | store through 'map->vaddr' | bug \\| sent |"))
    # re-run: line 9 gone, new line 11; the verdict on line 7 stays
    text = table(tmp_path, [finding("a.c", 7), finding("a.c", 11)], out)
    assert "| a.c | 7 | IOM002 | f | store through 'map->vaddr' | bug \\| sent |" in text
    assert "| a.c | 11 | IOM002 |" in text and "| a.c | 9 |" not in text
    # finding 7 disappears: its verdict moves to the stale section, then comes back
    text = table(tmp_path, [finding("a.c", 11)], out)
    assert "No longer reported" in text and "bug \\| sent" in text
    text = table(tmp_path, [finding("a.c", 7), finding("a.c", 11)], out)
    assert "No longer reported" not in text
    assert "| a.c | 7 | IOM002 | f | store through 'map->vaddr' | bug \\| sent |" in text


def test_check_kernel_parses_findings(tmp_path):
    ck = load_script("check-kernel")
    js = tmp_path / "f.json"
    good = finding("a.c", 1)
    with open(js, "w") as f:
        f.write(json.dumps(good) + "\n")
        f.write('{"rule":"IOM002","file":"a.c"\n')               # truncated
        f.write(json.dumps(dict(good, line="1")) + "\n")          # mistyped
        f.write(json.dumps(dict(good, rule="W1")) + "\n")         # bad rule id
        f.write("[1]\n")
    found, problems = ck.parse_findings(str(js))
    assert len(found) == 2 and len(problems) == 4
    found, problems = ck.parse_findings(str(tmp_path / "missing.json"))
    assert found == [] and problems == []


def test_check_kernel_error_and_crash_lines():
    ck = load_script("check-kernel")
    log = ("  CC [M]  drivers/x.o\n"
           "drivers/x.c:3:1: error: expected ';' [-Werror]\n"
           "make[4]: *** [scripts/Makefile.build:250: drivers/x.o] Error 1\n"
           "drivers/x.c:9:1: internal compiler error: Segmentation fault\n"
           "drivers/x.c:5:2: warning: store through 'm->vaddr' while 'is_iomem' may be true [IOM002]\n")
    assert ck.error_lines(log) == {"drivers/x.c:3:1: error: expected ';' [-Werror]"}
    assert ck.crash_lines(log) == ["drivers/x.c:9:1: internal compiler error: Segmentation fault"]


def test_subset_is_every_fourth():
    objs = ["o%02d.o" % i for i in range(10)]
    assert kbuild.subset(objs) == ["o00.o", "o04.o", "o08.o"]


def test_saved_command(tmp_path, monkeypatch):
    monkeypatch.setattr(kbuild, "KDIR", str(tmp_path))
    d = tmp_path / "drivers" / "gpu"
    d.mkdir(parents=True)
    (d / ".x.o.cmd").write_text(
        "cmd_drivers/gpu/x.o := gcc -Wp,-MMD,drivers/gpu/.x.o.d -O2 "
        "-DKBUILD_MODNAME='\"a;b\"' -fplugin=./scripts/gcc-plugins/stackleak_plugin.so "
        "-fplugin=/w/gcc/iomemcheck.so -fplugin-arg-iomemcheck-json=/w/f.json "
        "-c -o drivers/gpu/x.o drivers/gpu/x.c ; ./tools/objtool/objtool --hacks drivers/gpu/x.o\n"
        "\nsource_drivers/gpu/x.o := drivers/gpu/x.c\n")
    cmd = kbuild.saved_command("drivers/gpu/x.o")
    assert cmd == ("gcc -Wp,-MMD,drivers/gpu/.x.o.d -O2 -DKBUILD_MODNAME='\"a;b\"' "
                   "-fplugin=./scripts/gcc-plugins/stackleak_plugin.so "
                   "-c -o drivers/gpu/x.o drivers/gpu/x.c")
    assert kbuild.saved_command("drivers/gpu/y.o") is None


def test_objects_list_is_sorted_and_unique():
    objs = kbuild.read_list(kbuild.OBJECTS)
    assert objs == sorted(set(objs)) and len(objs) >= 50
    assert all(o.endswith(".o") for o in objs)


def test_engines_compare_per_file():
    import enginediff
    plugin = enginediff.keys([finding("./a.c", 3), finding("a.c", 5), finding("a.c", 5),
                              finding("inc.c", 9, "IOM006"), finding("h.h", 2)])
    clang = enginediff.keys([finding("/k/a.c", 3), finding("a.c", 7, "IOM003"),
                             finding("h.h", 2), finding("/elsewhere/x.c", 1)], root="/k")
    cmp = enginediff.compare(plugin, clang)
    assert sorted(cmp) == ["/elsewhere/x.c", "a.c", "h.h", "inc.c"]
    p, c, d = cmp["a.c"]
    assert len(p) == 2 and len(c) == 2          # a.c:5 twice counts once
    assert d == [(("a.c", 5, "IOM002"), "plugin"), (("a.c", 7, "IOM003"), "libclang")]
    assert cmp["h.h"][2] == []
    assert cmp["inc.c"][2] == [(("inc.c", 9, "IOM006"), "plugin")]
    assert cmp["/elsewhere/x.c"][2] == [(("/elsewhere/x.c", 1, "IOM002"), "libclang")]


def test_engines_table_keeps_reasons(tmp_path):
    import enginediff
    out = str(tmp_path / "engines.md")

    def run(plugin, clang):
        cmp = enginediff.compare(enginediff.keys(plugin), enginediff.keys(clang))
        tot = enginediff.write_table(out, cmp, "t")
        return open(out).read(), tot

    text, tot = run([finding("a.c", 3), finding("a.c", 5)], [finding("a.c", 3)])
    assert "| a.c | 2 | 1 | 1 |" in text
    assert "| a.c | 5 | IOM002 | plugin | TODO |" in text
    assert (tot["plugin"], tot["libclang"], tot["differences"], tot["todo"]) == (2, 1, 1, 1)
    with open(out, "w") as f:
        f.write(text.replace("| a.c | 5 | IOM002 | plugin | TODO |",
                             "| a.c | 5 | IOM002 | plugin | in an \\| included file |"))
    # the reason stays; a new difference on the other side is TODO
    text, tot = run([finding("a.c", 3), finding("a.c", 5)], [finding("b.c", 1)])
    assert "| a.c | 5 | IOM002 | plugin | in an \\| included file |" in text
    assert "| a.c | 3 | IOM002 | plugin | TODO |" in text
    assert "| b.c | 1 | IOM002 | libclang | TODO |" in text
    assert tot["differences"] == 3 and tot["todo"] == 2
    # the difference goes away: its reason moves to the stale section, then comes back
    text, tot = run([finding("a.c", 5)], [finding("a.c", 5)])
    assert "None: both engines" in text and "No longer different" in text
    assert "in an \\| included file" in text and tot["differences"] == 0
    text, tot = run([finding("a.c", 5)], [])
    assert "No longer different" not in text and tot["todo"] == 0
    assert "| a.c | 5 | IOM002 | plugin | in an \\| included file |" in text
    # the same key found by the other engine is another difference: no reason reused
    text, tot = run([], [finding("a.c", 5)])
    assert "| a.c | 5 | IOM002 | libclang | TODO |" in text and tot["todo"] == 1


def test_check_kernel_reads_command_log():
    ck = load_script("check-kernel")
    log = ("iomemcheck: drivers/a.c: could not be analysed: drivers/a.c:3:1: error: x\n"
           "iomemcheck: 73 files, 28 findings (IOM002 4, IOM003 20), 1 not analysed, 124 s\n")
    assert [m.group(1) for m in ck.LOST_RE.finditer(log)] == ["drivers/a.c"]
    assert ck.SUMMARY_RE.search(log).group(1) == "1"
    assert ck.SUMMARY_RE.search("iomemcheck: 1 file, 0 findings, 0 not analysed, 1.0 s\n").group(1) == "0"


def test_engines_table_subset_heading(tmp_path):
    import enginediff
    full = str(tmp_path / "full.md")
    with open(full, "w") as f:
        f.write("| a.c | 5 | IOM002 | plugin | included file |\n")
    out = str(tmp_path / "subset.md")
    cmp = enginediff.compare(enginediff.keys([finding("b.c", 1)]),
                             enginediff.keys([finding("b.c", 1)]))
    enginediff.write_table(out, cmp, "t", reasons_from=full, stale="Not in the subset")
    text = open(out).read()
    assert "## Not in the subset" in text and "| a.c | 5 | IOM002 | plugin | included file |" in text
    assert "No longer different" not in text and "| b.c | 1 | 1 | 0 |" in text


def test_use_tree_names_each_trees_files(monkeypatch):
    monkeypatch.delenv("IOMEMCHECK_KERNEL_DIR", raising=False)
    try:
        kbuild.use_tree("6.12")
        assert kbuild.KDIR == os.path.join(kbuild.BUILD, "linux-6.12")
        assert kbuild.SRC_TARBALL == "/usr/src/linux-source-6.12.tar.xz"
        assert os.path.basename(kbuild.OBJECTS) == "objects-6.12.txt"
        assert os.path.basename(kbuild.FINDINGS) == "findings-6.12.md"
        assert os.path.basename(kbuild.ENGINES) == "engines-6.12.md"
        assert kbuild.OUT == os.path.join(kbuild.BUILD, "check-kernel-6.12")
        assert kbuild.UNION_TABLE
        assert kbuild.tree_title() == ("Linux 6.12 (Debian linux-source-6.12, "
                                       "x86_64 allmodconfig)")
        monkeypatch.setenv("IOMEMCHECK_KERNEL_DIR", "/elsewhere/k")
        kbuild.use_tree("6.12")
        assert kbuild.KDIR == "/elsewhere/k"
        with pytest.raises(SystemExit):
            kbuild.use_tree("5.10")
    finally:
        monkeypatch.delenv("IOMEMCHECK_KERNEL_DIR", raising=False)
        kbuild.use_tree(kbuild.DEFAULT_TREE)
    # the default keeps the names 6.1 had before there was a second tree
    assert kbuild.DEFAULT_TREE == "6.1"
    assert kbuild.KDIR == os.path.join(kbuild.BUILD, "linux-6.1")
    assert os.path.basename(kbuild.OBJECTS) == "objects.txt"
    assert os.path.basename(kbuild.FINDINGS) == "findings.md"
    assert os.path.basename(kbuild.ENGINES) == "engines.md"
    assert kbuild.OUT == os.path.join(kbuild.BUILD, "check-kernel")
    assert not kbuild.UNION_TABLE


def test_every_tree_has_its_object_list():
    for version in kbuild.TREES:
        kbuild.use_tree(version)
        try:
            objs = kbuild.read_list(kbuild.OBJECTS)
        finally:
            kbuild.use_tree(kbuild.DEFAULT_TREE)
        assert objs == sorted(set(objs)) and len(objs) >= 50, version
        assert all(o.endswith(".o") for o in objs), version
    kbuild.use_tree("6.12")
    try:
        objs = kbuild.read_list(kbuild.OBJECTS)
    finally:
        kbuild.use_tree(kbuild.DEFAULT_TREE)
    assert "drivers/gpu/drm/vkms/vkms_formats.o" in objs


def test_check_kernel_tree_option(monkeypatch):
    ck = load_script("check-kernel")
    # an unknown tree is a usage error before anything is built
    monkeypatch.setattr(sys, "argv", ["check-kernel", "--tree", "5.10", "--no-cmd"])
    with pytest.raises(SystemExit) as e:
        ck.main()
    assert e.value.code == 2


def test_union_table_names_engines_and_sums_verdicts(tmp_path):
    out = tmp_path / "findings-6.12.md"
    plugin, clang = tmp_path / "p.json", tmp_path / "c.json"

    def run():
        subprocess.run([sys.executable, os.path.join(HERE, "findings-table"),
                        "--json", "plugin=%s" % plugin, "--json", "libclang=%s" % clang,
                        "--root", "/k", "-o", str(out)], check=True, stdout=subprocess.DEVNULL)
        return out.read_text()

    write_json(plugin, [finding("a.c", 3), finding("a.c", 5)])
    write_json(clang, [finding("/k/a.c", 3), finding("/k/a.c", 7, "IOM003")])
    text = run()
    assert "| file | line | rule | function | message | found by | verdict |" in text
    assert "| a.c | 3 | IOM002 | f | store through 'map->vaddr' (x2) | plugin, libclang | TODO |" \
        in text
    assert "| a.c | 5 | IOM002 | f | store through 'map->vaddr' | plugin | TODO |" in text
    assert "| a.c | 7 | IOM003 | f | store through 'map->vaddr' | libclang | TODO |" in text
    text = (text.replace("| plugin, libclang | TODO |", "| plugin, libclang | bug: x |")
            .replace("| plugin | TODO |", "| plugin | fp (cross-file): y |"))
    out.write_text(text)
    text = run()
    assert "| plugin, libclang | bug: x |" in text
    assert "| plugin | fp (cross-file): y |" in text
    # per engine: plugin 1 bug + 1 fp, libclang 1 bug + 1 TODO, union of 3
    assert "| engine | findings | bug | fp (cross-file) | TODO | precision |" in text
    assert "| plugin | 2 | 1 | 1 | 0 | 50% |" in text
    assert "| libclang | 2 | 1 | 0 | 1 | 50% |" in text
    assert "| union | 3 | 1 | 1 | 1 | 33% |" in text


def test_union_table_keeps_verdicts_of_a_plain_table(tmp_path):
    # a verdict written in a table without `found by` survives the new column
    out = tmp_path / "findings.md"
    text = table(tmp_path, [finding("a.c", 7)], out)
    out.write_text(text.replace("| TODO |", "| intended: z |"))
    js = tmp_path / "g.json"
    write_json(js, [finding("a.c", 7)])
    subprocess.run([sys.executable, os.path.join(HERE, "findings-table"),
                    "--json", "plugin=%s" % js, "-o", str(out)], check=True,
                   stdout=subprocess.DEVNULL)
    text = out.read_text()
    assert "| a.c | 7 | IOM002 | f | store through 'map->vaddr' | plugin | intended: z |" in text
    assert "| plugin | 1 | 1 | 100% |" in text


def test_verdict_classes():
    ft = load_script("findings-table")
    assert ft.verdict_class("bug: writes VRAM") == "bug"
    assert ft.verdict_class("fp (cross-file): callee never writes") == "fp (cross-file)"
    assert ft.verdict_class("fp (engine): libclang loses the guard") == "fp (engine)"
    assert ft.verdict_class("fp: I4, shmem driver") == "fp"
    assert ft.verdict_class("TODO") == "TODO"
    assert ft.verdict_class("looks odd") == "other"


def test_review_jsons_take_sparse_only_when_it_ran(tmp_path, monkeypatch):
    monkeypatch.setattr(kbuild, "OUT", str(tmp_path))
    assert kbuild.review_jsons() == ["plugin=%s/findings.json" % tmp_path,
                                     "libclang=%s/libclang.json" % tmp_path]
    (tmp_path / "sparse.json").write_text("")
    assert kbuild.review_jsons()[2:] == ["libsparse=%s/sparse.json" % tmp_path]


def test_saved_command_of_kbuild_since_6_3(tmp_path, monkeypatch):
    # 6.12's .o.cmd files start with savedcmd_ instead of cmd_
    monkeypatch.setattr(kbuild, "KDIR", str(tmp_path))
    d = tmp_path / "drivers"
    d.mkdir()
    (d / ".x.o.cmd").write_text(
        "savedcmd_drivers/x.o := gcc -O2 -c -o drivers/x.o drivers/x.c\n\n"
        "source_drivers/x.o := drivers/x.c\n")
    assert kbuild.saved_command("drivers/x.o") == "gcc -O2 -c -o drivers/x.o drivers/x.c"
    (d / ".y.o.cmd").write_text("savedcmd_drivers/other.o := gcc -c drivers/y.c\n")
    assert kbuild.saved_command("drivers/y.o") is None


def test_run_mark_tells_full_from_subset(tmp_path, monkeypatch):
    monkeypatch.setattr(kbuild, "OUT", str(tmp_path))
    assert not kbuild.last_run_full()            # never ran
    kbuild.mark_run(subset=True)
    assert not kbuild.last_run_full()
    kbuild.mark_run(subset=False)
    assert kbuild.last_run_full()
