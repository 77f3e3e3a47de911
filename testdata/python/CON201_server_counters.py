"""State kept on the server object: each request gets a handler object of its own, but
every handler thread of a threading server shares the one `self.server`."""
import socketserver
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer, ThreadingHTTPServer


class StatsServer(ThreadingHTTPServer):
    def __init__(self, address, handler):
        super().__init__(address, handler)
        self.requests = 0
        self.by_path = {}
        self.lock = threading.Lock()


class StatsHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests += 1  # expect: CON201
        self.count_path()
        with self.server.lock:
            self.server.served_ok = True
        self.send_response(200)
        self.end_headers()

    def count_path(self):
        self.server.by_path[self.path] += 1  # expect: CON201

    def do_POST(self):
        with self.server.lock:
            self.server.requests += 1
        self.send_response(204)
        self.end_headers()


class EchoHandler(socketserver.StreamRequestHandler):
    def handle(self):
        self.server.connections += 1  # expect: CON201
        self.wfile.write(self.rfile.readline())


class QuietHandler(BaseHTTPRequestHandler):
    # A plain HTTPServer handles one request at a time.
    def do_GET(self):
        self.server.requests += 1
        self.send_response(200)
        self.end_headers()


def main():
    echo = socketserver.ThreadingTCPServer(("localhost", 9001), EchoHandler)  # expect: CON301
    echo.connections = 0
    quiet = HTTPServer(("localhost", 9002), QuietHandler)
    quiet.requests = 0
    StatsServer(("localhost", 9000), StatsHandler).serve_forever()  # expect: CON301


if __name__ == "__main__":
    main()
