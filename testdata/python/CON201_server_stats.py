"""A small threaded server that keeps module-level statistics."""
import socket
import threading
from concurrent.futures import ThreadPoolExecutor

requests_served = 0
bytes_sent = 0
status_counts = {200: 0, 404: 0}
clients = {}
recent_paths = []
routes = {}
stats_lock = threading.Lock()
errors = 0


class Uptime:
    started = 0.0
    restarts = 0


def route(path):
    if path not in routes:
        routes[path] = b"/static" + path  # expect: CON201
    return routes[path]


def handle(conn):
    global requests_served, bytes_sent, errors
    data = conn.recv(4096)
    path = data.split(b" ")[1] if data.count(b" ") > 1 else b"/"
    recent_paths.append(path)
    clients[conn.fileno()] = path
    reply = b"HTTP/1.0 200 OK\r\n\r\n" + route(path)
    conn.sendall(reply)
    requests_served += 1  # expect: CON201
    bytes_sent = bytes_sent + len(reply)  # expect: CON201
    status_counts[200] += 1  # expect: CON201
    with stats_lock:
        errors += 0 if reply else 1
        Uptime.restarts += 0
    Uptime.started = Uptime.started or 1.0  # expect: CON201
    conn.close()


def serve(port):
    with socket.create_server(("", port)) as server, ThreadPoolExecutor(max_workers=8) as pool:
        while True:
            conn, _ = server.accept()
            pool.submit(handle, conn)


def report():
    with stats_lock:
        failed = errors
    return f"{requests_served} requests, {bytes_sent} bytes, {status_counts}, {failed} errors"
