"""A line-echo service and its status page on the standard library's threading servers."""
import socketserver
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

requests_served = 0


class Echo(socketserver.StreamRequestHandler):
    def handle(self):
        global requests_served
        for line in self.rfile:
            self.wfile.write(line)
        requests_served += 1  # expect: CON201


class Status(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(str(requests_served).encode())


class QuietServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True


def serve_echo():
    with socketserver.ThreadingTCPServer(("", 9000), Echo) as server:  # expect: CON301
        server.serve_forever()


def serve_status():
    ThreadingHTTPServer(("", 8000), Status).serve_forever()  # expect: CON301


def serve_quietly():
    QuietServer(("", 9001), Echo).serve_forever()  # expect: CON301


def serve_one_at_a_time():
    socketserver.TCPServer(("", 9002), Echo).serve_forever()


if __name__ == "__main__":
    serve_echo()
