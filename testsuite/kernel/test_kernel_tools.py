"""Unit tests of the kernel-test tools (no kernel tree needed, < 1 s).

findings-table must keep reviewers' verdicts across re-runs; check-kernel must
reject malformed findings; kbuild.saved_command must recover the exact compile
command from a kbuild .o.cmd file.
"""

import importlib.machinery
import importlib.util
import json
import os
import subprocess
import sys

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
