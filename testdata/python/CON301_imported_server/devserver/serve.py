"""Each request of the live-reload server runs in a thread of its own, however many arrive."""
import socketserver

from devserver.servers import ForkingEcho, Reloader


def serve(host="0.0.0.0", port=8000):
    server = Reloader(host, port)  # expect: CON301
    server.serve_forever()


def echo():
    # A forking server stops forking at `max_children`.
    ForkingEcho(("127.0.0.1", 7), socketserver.StreamRequestHandler).serve_forever()


if __name__ == "__main__":
    serve()
