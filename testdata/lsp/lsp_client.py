"""A small LSP client for the tests: raw JSON-RPC over a pipe, with
timeouts everywhere so that a server that hangs fails the test."""
import json
import os
import select
import subprocess
import time


class Server:
    def __init__(self, binary, *args, cwd=None):
        env = dict(os.environ, BACKUPLINT_NOW="2026-01-01")
        self.p = subprocess.Popen([binary, "--lsp", *args], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, cwd=cwd, env=env)
        self.buf = b""
        self.next_id = 0
        self.queue = []

    def send_raw(self, body):
        if isinstance(body, str):
            body = body.encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def send(self, msg):
        msg = dict(msg, jsonrpc="2.0")
        self.send_raw(json.dumps(msg, ensure_ascii=False))

    def request(self, method, params=None, timeout=20):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m,
                         timeout)

    def notify(self, method, params=None):
        self.send({"method": method, "params": params})

    def _read_one(self, deadline):
        while True:
            i = self.buf.find(b"\r\n\r\n")
            if i >= 0:
                head = self.buf[:i].decode()
                n = int(head.split("Content-Length:")[1].split("\r\n")[0])
                if len(self.buf) >= i + 4 + n:
                    body = self.buf[i + 4:i + 4 + n]
                    self.buf = self.buf[i + 4 + n:]
                    return json.loads(body)
            left = deadline - time.time()
            if left <= 0:
                raise TimeoutError("no message from the server")
            r, _, _ = select.select([self.p.stdout], [], [], left)
            if not r:
                raise TimeoutError("no message from the server")
            chunk = os.read(self.p.stdout.fileno(), 1 << 20)
            if not chunk:
                raise EOFError("the server closed its output")
            self.buf += chunk

    def wait(self, pred, timeout=20):
        """The first message (queued or new) for which pred is true."""
        for m in self.queue:
            if pred(m):
                self.queue.remove(m)
                return m
        deadline = time.time() + timeout
        while True:
            m = self._read_one(deadline)
            if pred(m):
                return m
            self.queue.append(m)

    def diagnostics(self, uri, timeout=20):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri, timeout)["params"]["diagnostics"]

    def initialize(self, encodings=None, root=None):
        caps = {}
        if encodings:
            caps["general"] = {"positionEncodings": encodings}
        r = self.request("initialize", {"processId": os.getpid(), "capabilities": caps,
                                        "rootUri": root})
        self.notify("initialized", {})
        return r

    def close(self, timeout=10):
        """Close stdin: the exit status, or None when it does not exit."""
        try:
            self.p.stdin.close()
        except BrokenPipeError:
            pass
        try:
            return self.p.wait(timeout)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()
            return None
