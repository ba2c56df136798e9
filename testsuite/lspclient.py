"""A small LSP client over pipes for the tests of iomemcheck --lsp.

Every read has a deadline: a server that hangs fails the test instead of
blocking it.
"""
import json
import os
import select
import subprocess
import time

import corpus

CMD = os.path.join(corpus.ROOT, "cmd", "iomemcheck")


class Timeout(AssertionError):
    pass


class Client:
    def __init__(self, args=(), env=None, cwd=None):
        e = dict(os.environ)
        e.update(env or {})
        self.proc = subprocess.Popen([CMD, "--lsp", *args], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env=e, cwd=cwd)
        self.buf = b""
        self.next_id = 1
        self.seen = []          # every message received, in order

    # ---- sending
    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method, params=None):
        i = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": i, "method": method, "params": params or {}})
        return i

    def notify(self, method, params=None):
        self.send({"jsonrpc": "2.0", "method": method, "params": params or {}})

    # ---- receiving
    def _fill(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            raise Timeout("no message from the server in time")
        r, _, _ = select.select([self.proc.stdout], [], [], left)
        if not r:
            raise Timeout("no message from the server in time")
        chunk = os.read(self.proc.stdout.fileno(), 65536)
        if not chunk:
            raise EOFError("the server closed its output")
        self.buf += chunk

    def read(self, timeout=30):
        deadline = time.monotonic() + timeout
        while b"\r\n\r\n" not in self.buf:
            self._fill(deadline)
        head, rest = self.buf.split(b"\r\n\r\n", 1)
        length = None
        for line in head.split(b"\r\n"):
            k, _, v = line.partition(b":")
            if k.strip().lower() == b"content-length":
                length = int(v)
        assert length is not None, head
        self.buf = rest
        while len(self.buf) < length:
            self._fill(deadline)
        body, self.buf = self.buf[:length], self.buf[length:]
        msg = json.loads(body)
        self.seen.append(msg)
        return msg

    def wait(self, pred, timeout=60):
        """The first message (from now on) for which pred is true."""
        deadline = time.monotonic() + timeout
        while True:
            m = self.read(max(0.01, deadline - time.monotonic()))
            if pred(m):
                return m

    def response(self, i, timeout=60):
        return self.wait(lambda m: m.get("id") == i and "method" not in m, timeout)

    def diagnostics(self, uri, timeout=60):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri, timeout)["params"]

    # ---- the usual steps
    def initialize(self, options=None, caps=None, root=None):
        i = self.request("initialize", {"processId": os.getpid(),
                                        "rootUri": root and "file://" + root,
                                        "capabilities": caps or {},
                                        "initializationOptions": options or {}})
        r = self.response(i)
        self.notify("initialized", {})
        return r

    def open(self, path, text=None, version=1):
        uri = "file://" + path
        if text is None:
            with open(path) as f:
                text = f.read()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "c", "version": version, "text": text}})
        return uri

    def change(self, uri, text, version):
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [{"text": text}]})

    def shutdown(self, timeout=30):
        r = self.response(self.request("shutdown"), timeout)
        self.notify("exit")
        return r, self.finish(timeout)

    def finish(self, timeout=30):
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise Timeout("the server did not exit")
        self.stderr = self.proc.stderr.read().decode(errors="replace")
        self.proc.stdout.close()
        self.proc.stderr.close()
        return rc

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
