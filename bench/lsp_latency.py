#!/usr/bin/env python3
"""Latency of `conch server`: from a `didChange` of a 5,000-line Python file to
the `publishDiagnostics` for that version, over stdio like an editor.

    swift build -c release
    python3 bench/lsp_latency.py .build/release/conch [--neighbours N] [--changes 30]

Prints the median, 90th percentile and maximum in milliseconds. `--neighbours N`
puts N more 200-line modules in the workspace folder, which the server lints
with the changed file (project-level facts).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

BLOCK = '''

def work_{n}(items, scale={n}):
    total = 0
    for item in items:
        for step in range(scale):
            total += item * step % 7
    if total > {n}:
        os.system("true")  # a CON501 finding every block
    return total
'''


def module(blocks):
    return "import os\nimport threading\n" + "".join(BLOCK.format(n=n) for n in range(blocks))


class Server:
    def __init__(self, binary, root):
        self.process = subprocess.Popen([binary, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.buffer = b""

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        while b"\r\n\r\n" not in self.buffer:
            self.buffer += os.read(self.process.stdout.fileno(), 1 << 16)
        header, _, rest = self.buffer.partition(b"\r\n\r\n")
        length = int(header.split(b":")[1])
        while len(rest) < length:
            rest += os.read(self.process.stdout.fileno(), 1 << 16)
        self.buffer = rest[length:]
        return json.loads(rest[:length])

    def wait_for(self, predicate):
        while True:
            message = self.receive()
            if predicate(message):
                return message


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--lines", type=int, default=5000)
    parser.add_argument("--neighbours", type=int, default=0)
    parser.add_argument("--changes", type=int, default=30)
    args = parser.parse_args()

    root = tempfile.mkdtemp(prefix="conch-lsp-bench-")
    for index in range(args.neighbours):
        with open(os.path.join(root, f"neighbour_{index}.py"), "w") as file:
            file.write(module(20))
    blocks = max(1, (args.lines - 2) // BLOCK.count("\n"))
    text = module(blocks)
    path = os.path.join(root, "big.py")
    with open(path, "w") as file:
        file.write(text)
    uri = "file://" + path
    server = Server(args.binary, root)
    server.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                 "params": {"processId": None, "rootUri": "file://" + root, "capabilities": {}}})
    server.wait_for(lambda m: m.get("id") == 1)
    server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    started = time.perf_counter()
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "python", "version": 1, "text": text}}})
    first = server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    open_ms = (time.perf_counter() - started) * 1000

    latencies = []
    for version in range(2, args.changes + 2):
        # A real edit: the number in one line changes, so the file's facts must be recomputed.
        edited = text.replace("scale=0)", f"scale={version})", 1)
        started = time.perf_counter()
        server.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": edited}]}})
        server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                        and m["params"].get("version") == version)
        latencies.append((time.perf_counter() - started) * 1000)

    server.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    server.wait_for(lambda m: m.get("id") == 2)
    server.send({"jsonrpc": "2.0", "method": "exit"})
    server.process.wait(timeout=10)

    latencies.sort()
    print(f"file: {text.count(chr(10))} lines, {len(text.encode())} bytes; "
          f"{len(first['params']['diagnostics'])} diagnostics; {args.neighbours} neighbour modules")
    print(f"didOpen -> publishDiagnostics: {open_ms:.1f} ms")
    print(f"didChange -> publishDiagnostics over {len(latencies)} changes: "
          f"median {statistics.median(latencies):.1f} ms, "
          f"p90 {latencies[int(len(latencies) * 0.9) - 1]:.1f} ms, max {latencies[-1]:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
