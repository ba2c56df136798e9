"""iomemcheck --lsp over pipes: the protocol, the diagnostics, the runs.

Every read has a deadline (lspclient.py): a hang fails the test.
Run with /usr/bin/python3 -m pytest testsuite (make check does).
"""
import json
import os
import re
import shutil
import signal
import subprocess
import time

import pytest

import corpus
import lspclient
from lspclient import Client, CMD

pytestmark = pytest.mark.skipif(not os.path.exists(CMD), reason="iomemcheck not built")

SAMPLE = "blit-null-check-raw-vaddr.c"          # one IOM006 at `if (!dst->vaddr)`
DIRTY = "capture-memcpy-to-src-may-be-iomem.c"


def project(tmp_path, names=(SAMPLE,), db=True):
    """Samples copied into tmp_path with a compile database for them."""
    for n in names:
        shutil.copy(os.path.join(corpus.SAMPLES, n), tmp_path / n)
    if db:
        (tmp_path / "compile_commands.json").write_text(json.dumps([
            {"directory": str(tmp_path), "file": n,
             "arguments": ["cc", "-nostdinc", "-I", corpus.INCLUDE, "-O2", "-c", n]}
            for n in names]))
    return [str(tmp_path / n) for n in names]


@pytest.fixture
def client():
    made = []

    def make(*args, **kw):
        c = Client(*args, **kw)
        made.append(c)
        return c
    yield make
    for c in made:
        c.kill()


def lines_rules(diags):
    return sorted((d["range"]["start"]["line"] + 1, d["code"]) for d in diags)


def command_findings(path, db_dir):
    """What the command prints for the file: (line, col, rule, message)."""
    p = subprocess.run([CMD, "-q", "--format=json", "-p", str(db_dir), path],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode in (0, 1), p.stderr
    return sorted((f["line"], f["column"], f["rule"], f["message"])
                  for f in map(json.loads, p.stdout.splitlines()))


# ---- lifecycle ------------------------------------------------------------------

def test_initialize_shutdown_exit(client):
    c = client()
    r = c.initialize()["result"]
    caps = r["capabilities"]
    assert caps["textDocumentSync"]["change"] in (1, 2)
    assert caps["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
    assert caps["positionEncoding"] == "utf-16"
    assert r["serverInfo"]["name"] == "iomemcheck"
    # a second initialize is refused, a request after shutdown too
    assert c.response(c.request("initialize", {"capabilities": {}}))["error"]["code"] == -32600
    assert c.response(c.request("shutdown"))["result"] is None
    assert c.response(c.request("textDocument/codeAction", {}))["error"]["code"] == -32600
    c.notify("exit")
    assert c.finish() == 0


def test_exit_without_shutdown_is_status_1(client):
    c = client()
    c.initialize()
    c.notify("exit")
    assert c.finish() == 1


def test_requests_before_initialize_are_refused(client):
    c = client()
    assert c.response(c.request("shutdown"))["error"]["code"] == -32002
    c.notify("textDocument/didOpen", {})            # a notification: no answer
    assert c.initialize()["id"] == 2                # the next message is initialize's


def test_utf8_positions_when_the_client_takes_them(client, tmp_path):
    c = client()
    r = c.initialize(caps={"general": {"positionEncodings": ["utf-8", "utf-16"]}})["result"]
    assert r["capabilities"]["positionEncoding"] == "utf-8"
    path, = project(tmp_path)
    text = open(path).read().replace("\tif (!dst->vaddr)", "\t/* \u00e9\U0001F600 */ if (!dst->vaddr)")
    d = c.diagnostics(c.open(path, text))["diagnostics"]
    line = text.split("\n")[d[0]["range"]["start"]["line"]]
    # byte columns: the character is where the bytes say
    assert line.encode()[d[0]["range"]["start"]["character"]:].startswith(b"(!dst")
    c.shutdown()


def test_utf16_positions_by_default(client, tmp_path):
    c = client()
    c.initialize()
    path, = project(tmp_path)
    text = open(path).read().replace("\tif (!dst->vaddr)", "\t/* \u00e9\U0001F600 */ if (!dst->vaddr)")
    d = c.diagnostics(c.open(path, text))["diagnostics"]
    line = text.split("\n")[d[0]["range"]["start"]["line"]]
    units = line.encode("utf-16-le")
    assert units[2 * d[0]["range"]["start"]["character"]:].decode("utf-16-le").startswith("(!dst")
    c.shutdown()


# ---- diagnostics ------------------------------------------------------------------

def test_diagnostics_of_a_sample_with_a_database(client, tmp_path):
    paths = project(tmp_path, [SAMPLE, DIRTY])
    c = client()
    c.initialize()
    for path in paths:
        name = os.path.basename(path)
        p = c.diagnostics(c.open(path))
        diags = p["diagnostics"]
        assert p["version"] == 1
        expected = sorted((line, rule) for line, rule in corpus.Sample(
            os.path.join(corpus.SAMPLES, name)).expected)
        assert lines_rules(diags) == expected
        # the same findings as the command, to the column and message
        text = open(path).read()
        got = []
        for d in diags:
            line = text.split("\n")[d["range"]["start"]["line"]]
            col = len(line[:d["range"]["start"]["character"]].encode()) + 1
            got.append((d["range"]["start"]["line"] + 1, col, d["code"], d["message"]))
        assert sorted(got) == command_findings(path, tmp_path)
        for d in diags:
            assert d["source"] == "iomemcheck" and d["severity"] == 2
            href = d["codeDescription"]["href"]
            assert href.endswith("/rules/catalog/%s.md" % d["code"])
            assert os.path.exists(href[len("file://"):])
    # notes become relatedInformation, at their own place
    d = [d for d in diags if d["relatedInformation"]]
    assert d, "the dirty sample has notes"
    for r in d[0]["relatedInformation"]:
        assert r["location"]["uri"].startswith("file:///") and r["message"]
    c.shutdown()


def test_error_severity_with_the_error_option(client, tmp_path):
    path, = project(tmp_path)
    c = client(["--error"])
    c.initialize()
    assert [d["severity"] for d in c.diagnostics(c.open(path))["diagnostics"]] == [1]
    c.shutdown()


def test_unsaved_changes_are_analysed(client, tmp_path):
    path, = project(tmp_path)
    disk = open(path).read()
    c = client()
    c.initialize(options={"debounce": 50})
    uri = c.open(path)
    assert lines_rules(c.diagnostics(uri)["diagnostics"]) == [(21, "IOM006")]
    fixed = disk.replace("if (!dst->vaddr)", "if (iosys_map_is_null(dst))")
    assert fixed != disk
    c.change(uri, fixed, 2)
    p = c.diagnostics(uri)
    assert p["version"] == 2 and p["diagnostics"] == []
    # a new raw test two lines lower, still unsaved
    worse = fixed.replace("if (iosys_map_is_null(dst))", "if (iosys_map_is_null(dst))\n\t\treturn -EINVAL;\n\tif (dst->vaddr == NULL)")
    c.change(uri, worse, 3)
    p = c.diagnostics(uri)
    assert p["version"] == 3 and lines_rules(p["diagnostics"]) == [(23, "IOM006")]
    assert open(path).read() == disk                  # nothing written
    c.shutdown()


def test_a_ranged_change_is_applied(client, tmp_path):
    path, = project(tmp_path)
    text = open(path).read()
    c = client()
    c.initialize(options={"debounce": 50})
    uri = c.open(path)
    c.diagnostics(uri)
    lines = text.split("\n")
    line = next(i for i, l in enumerate(lines) if "if (!dst->vaddr)" in l)
    start = lines[line].index("!dst->vaddr")
    c.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": line, "character": start},
                                      "end": {"line": line, "character": start + len("!dst->vaddr")}},
                            "text": "iosys_map_is_null(dst)"}]})
    assert c.diagnostics(uri)["diagnostics"] == []
    c.shutdown()


def test_changes_are_debounced_and_stale_runs_dropped(client, tmp_path):
    path, = project(tmp_path)
    text = open(path).read()
    good = text.replace("if (!dst->vaddr)", "if (iosys_map_is_null(dst))")
    c = client()
    c.initialize(options={"debounce": 400})
    uri = c.open(path)
    c.diagnostics(uri)
    for v in range(2, 12):
        c.change(uri, good if v % 2 else text, v)   # the last one (11) is good
    p = c.diagnostics(uri)
    assert p["version"] == 11 and p["diagnostics"] == []
    # no other publication follows for the versions in between
    r = c.request("shutdown")
    m = c.wait(lambda m: m.get("id") == r or m.get("method") == "textDocument/publishDiagnostics")
    assert m.get("id") == r, m
    c.notify("exit")
    assert c.finish() == 0


def test_header_gets_the_flags_of_a_file_that_includes_it(client, tmp_path):
    (tmp_path / "blit.h").write_text(
        "#include <linux/iosys-map.h>\n"
        "static inline int blit_ready(struct iosys_map *m)\n"
        "{\n"
        "\treturn m->vaddr != NULL;\n"
        "}\n")
    (tmp_path / "blit.c").write_text('#include "blit.h"\nint blit(struct iosys_map *m) { return blit_ready(m); }\n')
    (tmp_path / "compile_commands.json").write_text(json.dumps([
        {"directory": str(tmp_path), "file": "blit.c",
         "arguments": ["cc", "-nostdinc", "-I", corpus.INCLUDE, "-c", "blit.c"]}]))
    c = client()
    c.initialize()
    uri = c.open(str(tmp_path / "blit.h"))
    assert lines_rules(c.diagnostics(uri)["diagnostics"]) == [(4, "IOM006")]
    assert not [m for m in c.seen if m.get("method") == "window/showMessage"]
    c.shutdown()


def test_a_file_outside_the_database_gets_default_flags_and_one_message(client, tmp_path):
    path, = project(tmp_path, db=False)
    c = client()
    c.initialize(options={"defaultFlags": ["-nostdinc", "-I", corpus.INCLUDE], "debounce": 50})
    uri = c.open(path)
    assert lines_rules(c.diagnostics(uri)["diagnostics"]) == [(21, "IOM006")]
    c.change(uri, open(path).read() + "\n", 2)
    assert c.diagnostics(uri)["version"] == 2
    shown = [m for m in c.seen if m.get("method") == "window/showMessage"]
    assert len(shown) == 1, shown
    assert "default flags" in shown[0]["params"]["message"] and path in shown[0]["params"]["message"]
    c.shutdown()


def test_compilation_database_from_initialization_options(client, tmp_path):
    src = tmp_path / "src"
    build = tmp_path / "build"
    src.mkdir()
    build.mkdir()
    path, = project(src, db=False)
    (build / "compile_commands.json").write_text(json.dumps([
        {"directory": str(src), "file": SAMPLE,
         "arguments": ["cc", "-nostdinc", "-I", corpus.INCLUDE, "-c", SAMPLE]}]))
    c = client()
    c.initialize(options={"compilationDatabase": str(build)})
    assert lines_rules(c.diagnostics(c.open(path))["diagnostics"]) == [(21, "IOM006")]
    assert not [m for m in c.seen if m.get("method") == "window/showMessage"]
    c.shutdown()


def test_a_syntax_error_keeps_the_last_diagnostics_and_says_why(client, tmp_path):
    path, = project(tmp_path)
    c = client()
    c.initialize(options={"debounce": 50})
    uri = c.open(path)
    c.diagnostics(uri)
    c.change(uri, open(path).read() + "\nint broken(void) { return }\n", 2)
    m = c.wait(lambda m: m.get("method") in ("window/logMessage", "textDocument/publishDiagnostics"))
    assert m["method"] == "window/logMessage", m
    assert "not analysed" in m["params"]["message"] and "error:" in m["params"]["message"]
    c.shutdown()


def test_closing_clears_the_diagnostics(client, tmp_path):
    path, = project(tmp_path)
    c = client()
    c.initialize()
    uri = c.open(path)
    assert c.diagnostics(uri)["diagnostics"]
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert c.diagnostics(uri)["diagnostics"] == []
    c.shutdown()


def test_an_engine_crash_does_not_stop_the_server(client, tmp_path):
    path, = project(tmp_path)
    big = tmp_path / "big.c"
    big.write_text("".join("int f%d(int x) { return x * %d + (x >> 3); }\n" % (i, i)
                           for i in range(60000)))
    c = client(["-p", str(tmp_path)], )
    c.initialize(options={"defaultFlags": []})
    for attempt in range(3):
        buri = c.open(str(big), version=attempt + 1)
        children = "/proc/%d/task/%d/children" % (c.proc.pid, c.proc.pid)
        kids = []
        for _ in range(500):
            kids = open(children).read().split()
            if kids:
                break
            time.sleep(0.01)
        assert kids, "no analysis started"
        os.kill(int(kids[0]), signal.SIGSEGV)
        m = c.wait(lambda m: m.get("method") in ("window/logMessage", "textDocument/publishDiagnostics")
                   and ("uri" not in m["params"] or m["params"]["uri"] == buri))
        if m["method"] == "window/logMessage":
            break
    assert "the engine crashed (signal 11" in m["params"]["message"], m
    # still serving
    assert lines_rules(c.diagnostics(c.open(path))["diagnostics"]) == [(21, "IOM006")]
    c.shutdown()


# ---- code actions -------------------------------------------------------------------

def code_action(c, uri, line, wait=True):
    i = c.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 200}},
        "context": {"diagnostics": []}})
    return i if not wait else c.response(i)


def test_code_action_waits_for_the_run_and_can_be_cancelled(client, tmp_path):
    path, = project(tmp_path)
    c = client()
    c.initialize(options={"debounce": 3000})
    uri = c.open(path)
    c.diagnostics(uri)
    c.change(uri, open(path).read() + "\n", 2)      # a run is due in 3 s
    i = code_action(c, uri, 20, wait=False)
    c.notify("$/cancelRequest", {"id": i})
    r = c.response(i, timeout=2)
    assert r["error"]["code"] == -32800
    # cancelling an answered request: nothing comes back
    c.notify("$/cancelRequest", {"id": i})
    j = code_action(c, uri, 20, wait=False)        # answered once the run is done
    m = c.wait(lambda m: m.get("id") in (i, j))
    assert m["id"] == j and isinstance(m["result"], list)
    c.shutdown()


def test_code_action_request_checks_its_params(client, tmp_path):
    c = client()
    c.initialize()
    r = c.response(c.request("textDocument/codeAction", {"textDocument": {}}))
    assert r["error"]["code"] == -32602
    c.shutdown()


# ---- malformed input -----------------------------------------------------------------

def still_serving(c):
    i = c.request("no/such/method")
    assert c.response(i, timeout=10)["error"]["code"] == -32601


def test_malformed_json_is_a_parse_error(client):
    c = client()
    c.initialize()
    body = b'{"jsonrpc": "2.0", "id": 5, "method": '
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    r = c.read()
    assert r["id"] is None and r["error"]["code"] == -32700
    still_serving(c)
    c.shutdown()


@pytest.mark.parametrize("msg", [
    [],                                                       # a batch
    [{"jsonrpc": "2.0", "id": 1, "method": "shutdown"}],
    "just a string",
    {"id": 7, "method": "shutdown"},                          # no jsonrpc
    {"jsonrpc": "1.0", "id": 7, "method": "shutdown"},
    {"jsonrpc": "2.0", "id": 7, "method": 12},
    {"jsonrpc": "2.0", "id": {"x": 1}, "method": "shutdown"},
    {"jsonrpc": "2.0", "id": 7, "method": "shutdown", "params": 3},
    {"jsonrpc": "2.0", "id": 7, "method": "textDocument/didOpen", "params": {}},   # a notification with an id
])
def test_invalid_requests(client, msg):
    c = client()
    c.initialize()
    c.send(msg)
    r = c.read()
    assert r["error"]["code"] == -32600
    if isinstance(msg, dict) and not isinstance(msg.get("id"), dict):
        assert r["id"] == msg["id"]
    else:
        assert r["id"] is None
    still_serving(c)
    c.shutdown()


def test_unknown_methods(client):
    c = client()
    c.initialize()
    r = c.response(c.request("workspace/symbol", {"query": "x"}))
    assert r["error"]["code"] == -32601 and "workspace/symbol" in r["error"]["message"]
    c.notify("$/setTrace", {"value": "off"})         # notifications: never answered
    c.notify("some/notification", {})
    i = c.request("shutdown")
    assert c.read()["id"] == i
    c.notify("exit")
    assert c.finish() == 0


@pytest.mark.parametrize("head", [
    b"Content-Length: abc\r\n\r\n",
    b"Content-Type: application/vscode-jsonrpc\r\n\r\n",
    b"X" * 10000 + b"\r\n\r\n",
])
def test_bad_headers_are_answered_and_skipped(client, head):
    c = client()
    c.initialize()
    c.send_raw(head)
    r = c.read()
    assert r["id"] is None and r["error"]["code"] == -32700
    still_serving(c)
    c.shutdown()


def test_a_huge_message_is_refused_with_a_clear_error(client):
    c = client(env={"IOMEMCHECK_LSP_MAX_MESSAGE": "100000"})
    c.initialize()
    body = json.dumps({"jsonrpc": "2.0", "id": 9, "method": "textDocument/codeAction",
                       "params": {"pad": "x" * 3000000}}).encode()
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    r = c.read()
    assert r["id"] is None and r["error"]["code"] == -32600
    assert "%d bytes is over the limit of 100000 bytes" % len(body) in r["error"]["message"]
    still_serving(c)
    c.shutdown()


def test_a_big_message_under_the_limit_is_taken(client, tmp_path):
    path, = project(tmp_path)
    text = open(path).read() + "/*" + "x" * 4000000 + "*/\n"
    c = client()
    c.initialize()
    assert lines_rules(c.diagnostics(c.open(path, text))["diagnostics"]) == [(21, "IOM006")]
    c.shutdown()


def test_a_client_that_vanishes_mid_message(client, tmp_path):
    big = tmp_path / "big.c"
    big.write_text("".join("int f%d(int x) { return x * %d + (x >> 3); }\n" % (i, i)
                           for i in range(60000)))
    c = client()
    c.initialize()
    c.open(str(big))                                 # a run under way when the client goes
    children = "/proc/%d/task/%d/children" % (c.proc.pid, c.proc.pid)
    kids = []
    for _ in range(500):
        kids = open(children).read().split()
        if kids:
            break
        time.sleep(0.01)
    c.send_raw(b"Content-Length: 1000\r\n\r\n{\"jsonrpc\": \"2.0\", ")
    rc = c.finish(timeout=30)
    assert rc == 1                                   # no shutdown: 1, and no signal
    assert "in the middle of a message" in c.stderr
    assert kids and not any(os.path.exists("/proc/" + k) for k in kids)   # killed and reaped


def test_a_client_that_vanishes_between_messages(client):
    c = client()
    c.initialize()
    assert c.finish(timeout=30) == 1
    assert c.stderr == ""


def test_lsp_takes_no_paths():
    p = subprocess.run([CMD, "--lsp", "x.c"], capture_output=True, text=True, timeout=30)
    assert p.returncode == 2 and "--lsp takes no PATH" in p.stderr


# ---- the whole corpus: the server says what the command says -------------------------

def test_every_sample_as_the_command_says_it_first_parse_and_reparse(client, tmp_path):
    """Each sample through the server (first parse, then a reparse of the
    changed buffer through the kept session) against the command on the same
    database: the same line, column, rule and message."""
    names = sorted(n for n in os.listdir(corpus.SAMPLES) if n.endswith(".c"))
    paths = project(tmp_path, names)
    p = subprocess.run([CMD, "-q", "-j2", "--format=json", "-p", str(tmp_path)],
                       capture_output=True, text=True, timeout=600)
    assert p.returncode in (0, 1, 3), p.stderr
    want = {path: [] for path in paths}
    for f in map(json.loads, p.stdout.splitlines()):
        want[os.path.join(str(tmp_path), f["file"])].append((f["line"], f["column"], f["rule"], f["message"]))
    c = client()
    c.initialize(options={"debounce": 0, "workers": 4})
    batch = 4
    for k in range(0, len(paths), batch):
        group = paths[k:k + batch]
        texts = {path: open(path).read() for path in group}
        uris = {path: c.open(path, texts[path]) for path in group}
        for version in (1, 2):
            for path in group:
                if version == 2:
                    c.change(uris[path], texts[path] + "\n", 2)
            got = {}
            while len(got) < len(group):
                m = c.read(120)
                if m.get("method") == "textDocument/publishDiagnostics" and \
                        m["params"].get("version") == version:
                    got[m["params"]["uri"]] = m["params"]["diagnostics"]
                assert m.get("method") != "window/logMessage", m
            for path in group:
                lines = texts[path].split("\n")
                found = sorted((d["range"]["start"]["line"] + 1,
                                len(lines[d["range"]["start"]["line"]][:d["range"]["start"]["character"]].encode()) + 1,
                                d["code"], d["message"]) for d in got[uris[path]])
                assert found == sorted(want[path]), (path, version)
        for path in group:
            c.notify("textDocument/didClose", {"textDocument": {"uri": uris[path]}})
    c.shutdown()


def test_code_actions_carry_the_fix_its(client, tmp_path):
    sample = "cirrus-pixel-memcpy4-set-iomem.c"
    path, = project(tmp_path, [sample])
    text = open(path).read()
    c = client()
    c.initialize()
    uri = c.open(path)
    diags = c.diagnostics(uri)["diagnostics"]
    assert lines_rules(diags) == [(25, "IOM001"), (35, "IOM001")]
    r = code_action(c, uri, 24)["result"]
    assert len(r) == 1
    a = r[0]
    assert a["kind"] == "quickfix" and a["isPreferred"] is True
    assert a["title"] == "Use iosys_map_memcpy_to() [IOM001]"
    assert a["diagnostics"][0]["code"] == "IOM001" and a["diagnostics"][0]["range"] == diags[0]["range"]
    edits = a["edit"]["changes"][uri]
    # applying the edits (from the end) gives the helper call
    lines = text.split("\n")
    for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                    reverse=True):
        s, t = e["range"]["start"], e["range"]["end"]
        assert s["line"] == t["line"] == 24
        lines[24] = lines[24][:s["character"]] + e["newText"] + lines[24][t["character"]:]
    assert lines[24].strip().startswith("iosys_map_memcpy_to(&dst, off, &colors[i], sizeof(u32));")
    # a line without a finding has none; a finding whose kind is not proven is not preferred
    assert code_action(c, uri, 10)["result"] == []
    c.shutdown()


def test_a_fix_whose_memory_kind_is_unproven_is_not_preferred(client, tmp_path):
    path, = project(tmp_path)
    c = client()
    c.initialize()
    uri = c.open(path)
    c.diagnostics(uri)
    a, = code_action(c, uri, 20)["result"]
    assert a["isPreferred"] is False and a["title"] == "Use iosys_map_is_null() [IOM006]"
    assert [e["newText"] for e in a["edit"]["changes"][uri]] == ["iosys_map_is_null(dst)"]
    # context.only without quickfix: nothing
    i = c.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 20, "character": 0}, "end": {"line": 20, "character": 99}},
        "context": {"diagnostics": [], "only": ["refactor"]}})
    assert c.response(i)["result"] == []
    c.shutdown()


def test_no_fix_its_for_a_text_newer_than_the_last_run(client, tmp_path):
    path, = project(tmp_path)
    text = open(path).read()
    c = client()
    c.initialize(options={"debounce": 50})
    uri = c.open(path)
    c.diagnostics(uri)
    # a text that does not parse: the run fails, the fix-its of version 1
    # would edit the wrong bytes of version 2
    c.change(uri, "int broken(void) { return }\n" + text, 2)
    r = code_action(c, uri, 21)                     # waits for the failed run
    assert r["result"] == []
    c.shutdown()


def test_a_c_file_included_by_an_entry_is_analysed_through_it(client, tmp_path):
    # The kernel's i915 selftests: gem/x.c ends with #include "selftests/x.c".
    (tmp_path / "selftests").mkdir()
    (tmp_path / "selftests" / "blit.c").write_text(
        "static int blit_selftest(struct iosys_map *m)\n"
        "{\n"
        "\treturn m->vaddr ? 0 : -1;\n"
        "}\n")
    (tmp_path / "blit.c").write_text(
        "#include <linux/iosys-map.h>\n"
        "int blit(struct iosys_map *m) { return iosys_map_is_null(m); }\n"
        '#include "selftests/blit.c"\n')
    (tmp_path / "compile_commands.json").write_text(json.dumps([
        {"directory": str(tmp_path), "file": "blit.c",
         "arguments": ["cc", "-nostdinc", "-I", corpus.INCLUDE, "-c", "blit.c"]}]))
    p = subprocess.run([CMD, "-q", "--format=json", "-p", str(tmp_path)], capture_output=True,
                       text=True, timeout=120)
    want = [(f["line"], f["rule"]) for f in map(json.loads, p.stdout.splitlines())]
    assert want == [(3, "IOM006")], p.stdout
    c = client()
    c.initialize()
    sub = c.open(str(tmp_path / "selftests" / "blit.c"))
    assert lines_rules(c.diagnostics(sub)["diagnostics"]) == want
    main = c.open(str(tmp_path / "blit.c"))
    assert c.diagnostics(main)["diagnostics"] == []     # the finding is the other file's
    assert not [m for m in c.seen if m.get("method") == "window/showMessage"]
    c.shutdown()
