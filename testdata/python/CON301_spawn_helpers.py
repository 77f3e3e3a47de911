"""A helper that starts a thread on a fixed function, called once per connection, starts
one thread per connection: the finding points at the call in the loop."""
import os
import socket
import threading


def serve(conn):
    conn.sendall(conn.recv(1024))
    conn.close()


def handle_accepted(conn):
    threading.Thread(target=serve, args=(conn,), daemon=True).start()


def handle_and_wait(conn):
    worker = threading.Thread(target=serve, args=(conn,))
    worker.start()
    worker.join(timeout=30)


class Server:
    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.monitor = None

    def ensure_monitor(self):
        self.monitor = threading.Thread(target=self.watch, daemon=True)
        self.monitor.start()

    def watch(self):
        self.sock.recv(1)

    def serve_forever(self):
        while True:
            conn, _ = self.sock.accept()
            handle_accepted(conn)  # expect: CON301
            handle_and_wait(conn)
            self.ensure_monitor()

    def serve_until_quit(self):
        while True:
            conn, _ = self.sock.accept()
            if conn.recv(4) == b"quit":
                # Once, on the way out of the loop.
                threading.Thread(target=serve, args=(conn,)).start()
                return
            conn.close()


def start_child(number):
    pid = os.fork()
    if pid == 0:
        os._exit(number)
    return pid


def keep_children(count):
    children = {start_child(number): number for number in range(count)}
    while children:
        pid, _ = os.wait()
        number = children.pop(pid)
        children[start_child(number)] = number
