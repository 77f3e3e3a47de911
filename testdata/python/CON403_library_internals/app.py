"""An app that patches with eventlet and uses no other model: the asyncio inside
eventlet's own hub is not a second model the app chose."""
import socket

import eventlet

eventlet.monkey_patch()


def fetch(host):
    with socket.create_connection((host, 80), timeout=5) as conn:
        conn.sendall(b"HEAD / HTTP/1.0\r\n\r\n")
        return conn.recv(1024)


if __name__ == "__main__":
    pool = eventlet.GreenPool()
    for reply in pool.imap(fetch, ["example.com", "example.org"]):
        print(reply)
