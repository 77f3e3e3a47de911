"""gevent servers: each connection or request runs its handler in a greenlet on the hub."""
from gevent import monkey

monkey.patch_all()

import time  # noqa: E402

import requests  # noqa: E402
from gevent.pywsgi import WSGIServer  # noqa: E402
from gevent.server import StreamServer  # noqa: E402


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def checksum(data):
    total = 0
    for i in range(10**6):
        total = (total * 31 + data[i % len(data)]) % 65521
    return total


def handle(sock, address):
    data = sock.recv(1024)
    # Patched: these wait the hub's way.
    time.sleep(0.1)
    requests.get("http://example.com")
    sock.sendall(str(checksum(data)).encode())  # expect: CON104


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    small = fib(10)
    return [str(fib(30) + small).encode()]  # expect: CON104


if __name__ == "__main__":
    WSGIServer(("", 8080), application).start()
    StreamServer(("", 9000), handle).serve_forever()
