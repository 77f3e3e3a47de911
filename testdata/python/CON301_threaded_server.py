"""Servers that start a thread or process per connection or message, and bounded ones."""
import _thread
import os
import queue
import socket
import sys
import threading
import threading as th
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Process

from media import transcode

requests_in = queue.Queue()
slots = threading.BoundedSemaphore(8)


def handle(conn):
    with conn:
        data = conn.recv(1024)
        conn.sendall(data)


class ClientHandler(threading.Thread):
    def __init__(self, conn):
        super().__init__(daemon=True)
        self.conn = conn

    def run(self):
        handle(self.conn)


def convert(path):
    return transcode(path)


def serve(port):
    server = socket.create_server(("", port))
    while True:
        conn, _ = server.accept()
        threading.Thread(target=handle, args=(conn,), daemon=True).start()  # expect: CON301


def serve_with_class(server):
    while True:
        conn, addr = server.accept()
        ClientHandler(conn).start()  # expect: CON301


def serve_aliased(server):
    while True:
        conn, _ = server.accept()
        worker = th.Thread(target=handle, args=(conn,))  # expect: CON301
        worker.start()


def serve_forking(server):
    while True:
        conn, _ = server.accept()
        if os.fork() == 0:  # expect: CON301
            handle(conn)
            os._exit(0)
        conn.close()


def convert_lines():
    for line in iter(sys.stdin.readline, ""):
        Process(target=convert, args=(line.strip(),)).start()  # expect: CON301
    for line in sys.stdin:
        threading.Thread(target=convert, args=(line.strip(),)).start()  # expect: CON301


def dispatch_forever():
    while True:
        item = requests_in.get()
        threading.Thread(target=convert, args=(item,)).start()  # expect: CON301


class Listener:
    def __init__(self):
        self.running = True

    def listen(self):
        while self.running:
            item = requests_in.get()
            _thread.start_new_thread(convert, (item,))  # expect: CON301


def start_four_workers():
    for _ in range(4):
        threading.Thread(target=dispatch_forever, daemon=True).start()


def serve_with_pool(server):
    with ThreadPoolExecutor(max_workers=16) as pool:
        while True:
            conn, _ = server.accept()
            pool.submit(handle, conn)


def serve_with_slots(server):
    def guarded(conn):
        try:
            handle(conn)
        finally:
            slots.release()

    while True:
        conn, _ = server.accept()
        slots.acquire()
        threading.Thread(target=guarded, args=(conn,)).start()


def serve_one_at_a_time(server):
    while True:
        conn, _ = server.accept()
        worker = threading.Thread(target=handle, args=(conn,))
        worker.start()
        worker.join()


def fork_and_reap(server):
    while True:
        conn, _ = server.accept()
        pid = os.fork()
        if pid == 0:
            handle(conn)
            os._exit(0)
        os.waitpid(pid, 0)


def serve_counted(server, limit):
    running = 0
    while running < limit:
        conn, _ = server.accept()
        threading.Thread(target=handle, args=(conn,), daemon=True).start()
        running += 1


def start_retrying(server, ready):
    # dash's test runner: tries three times at most to bring a server thread up.
    retries = 0
    while not ready.is_set() and retries < 3:
        threading.Thread(target=handle, args=(server,), daemon=True).start()
        ready.wait(1)
        retries += 1


def serve_uncounted(server, limit):
    started = 0
    while started < limit:
        conn, _ = server.accept()
        threading.Thread(target=handle, args=(conn,), daemon=True).start()  # expect: CON301


def serve_admitted(server, limit):
    # Takes a connection only while fewer than `limit` handlers run.
    running = {}
    while True:
        if len(running) < limit:
            conn, address = server.accept()
            worker = threading.Thread(target=handle, args=(conn,), daemon=True)
            worker.start()
            running[address] = worker
        for address, worker in list(running.items()):
            if not worker.is_alive():
                del running[address]


def serve_capped(server, limit):
    # Turns a connection away while the process runs `limit` threads or more.
    while True:
        conn, _ = server.accept()
        if threading.active_count() > limit:
            conn.close()
            continue
        threading.Thread(target=handle, args=(conn,), daemon=True).start()


def serve_when_room(server, limit):
    # Waits for a handler to end before it takes the next connection.
    while True:
        while threading.active_count() >= limit:
            time.sleep(0.05)
        conn, _ = server.accept()
        threading.Thread(target=handle, args=(conn,), daemon=True).start()


def serve_within_size(server, limit):
    # The count compared is the request's size, not the threads running.
    while True:
        conn, _ = server.accept()
        if len(conn.recv(16, socket.MSG_PEEK)) > limit:
            conn.close()
            continue
        threading.Thread(target=handle, args=(conn,), daemon=True).start()  # expect: CON301


class Arbiter:
    # gunicorn's arbiter: the loop's own condition stops it at the limit; the helper fills the table.
    def __init__(self, size):
        self.size, self.workers = size, {}

    def refill(self):
        while len(self.workers) < self.size:
            self.spawn_worker()

    def spawn_more(self):
        while self.size > 0:
            self.spawn_worker()  # expect: CON301

    def spawn_worker(self):
        pid = os.fork()
        if pid == 0:
            os._exit(transcode())
        self.workers[pid] = True


def serve_listed(server, handlers):
    # Fills a list it never measures: nothing bounds it.
    while True:
        conn, _ = server.accept()
        worker = threading.Thread(target=handle, args=(conn,), daemon=True)  # expect: CON301
        worker.start()
        handlers.append(worker)


def convert_all(paths):
    for path in paths:
        threading.Thread(target=convert, args=(path,)).start()


def single_listener():
    threading.Thread(target=dispatch_forever, daemon=True).start()


if __name__ == "__main__":
    start_four_workers()
    serve(7000)
