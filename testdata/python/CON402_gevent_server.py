"""A gevent stream server without monkey-patching: the standard library still blocks the hub."""
import time

import gevent
from gevent.server import StreamServer


def handle(sock, address):
    sock.recv(1024)
    time.sleep(1)  # expect: CON402
    gevent.sleep(1)
    sock.sendall(b"done")


if __name__ == "__main__":
    StreamServer(("", 9000), handle).serve_forever()
