"""Process tasks whose helpers take a parameter named like a module: `socket.recv`
there is the object passed in, not the socket module, so it says nothing of the task."""
import multiprocessing
import socket
import time


def configure(socket, address):
    socket.setsockopt(1, 2)
    socket.connect(address)


def score(sock, address, rows):
    configure(sock, address)
    return sum(row * row for row in rows)


def poll(address):
    with socket.create_connection(address, timeout=5) as conn:
        conn.sendall(b"status\n")
    time.sleep(1)


if __name__ == "__main__":
    multiprocessing.Process(target=score, args=(None, ("db", 5432), range(100))).start()
    multiprocessing.Process(target=poll, args=(("db", 5432),)).start()  # expect: CON102
