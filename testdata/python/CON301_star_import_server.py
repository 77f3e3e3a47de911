"""An echo server from an old tutorial: `from socket import *` and a thread per client."""
from socket import *
from threading import *


def handle(conn):
    while True:
        data = conn.recv(1024)
        if not data:
            break
        conn.sendall(data)
    conn.close()


def serve(port):
    listener = socket(AF_INET, SOCK_STREAM)
    listener.bind(("", port))
    listener.listen()
    while True:
        conn, _ = listener.accept()
        Thread(target=handle, args=(conn,)).start()  # expect: CON301


if __name__ == "__main__":
    serve(9000)
