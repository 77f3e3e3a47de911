"""An asyncio status service: blocking calls in coroutines next to the right ways."""
import asyncio
import os
import queue
import socket
import multiprocessing
import subprocess
import threading
import time as clock
from concurrent.futures import ThreadPoolExecutor
import urllib.request

import httpx
import requests

jobs = queue.Queue()
ready = threading.Event()
printer_lock = multiprocessing.Lock()
state_lock = threading.Lock()
workers = ThreadPoolExecutor()


async def poll_status(url):
    response = requests.get(url, timeout=5)  # expect: CON402
    clock.sleep(0.5)  # expect: CON402
    return response.status_code


async def fetch_page(url):
    with urllib.request.urlopen(url) as page:  # expect: CON402
        return page.read()


async def fetch_both(url):
    with httpx.Client() as client:
        first = client.get(url)  # expect: CON402
    async with httpx.AsyncClient() as client:
        second = await client.get(url)
    return first, second


async def rebuild_index(folder):
    subprocess.run(["make", "-C", folder], check=True)  # expect: CON402
    os.system("sync")  # expect: CON402, CON501


async def next_job():
    return jobs.get()  # expect: CON402


async def ask_operator():
    return input("continue? ")  # expect: CON402


class Relay:
    async def forward(self, host, data):
        conn = socket.create_connection((host, 9000))  # expect: CON402
        conn.sendall(data)  # expect: CON402
        return conn.recv(4096)  # expect: CON402


async def polite_wait():
    await asyncio.sleep(0.5)


async def offload(url):
    response = await asyncio.to_thread(requests.get, url, timeout=5)
    await asyncio.to_thread(clock.sleep, 1)
    return response


async def settle_in_helper():
    def settle():
        clock.sleep(0.1)

    await asyncio.to_thread(settle)


async def in_executor():
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, lambda: clock.sleep(1))


async def rebuild_without_blocking(folder):
    proc = await asyncio.create_subprocess_exec("make", "-C", folder)
    return await proc.wait()


async def drain():
    try:
        return jobs.get(block=False)
    except queue.Empty:
        return jobs.get_nowait() if not jobs.empty() else jobs.get(timeout=0)


async def poll_jobs():
    # Holds the loop up to a second whenever the queue is empty.
    while True:
        try:
            return jobs.get(timeout=1)  # expect: CON402
        except queue.Empty:
            await asyncio.sleep(0)


async def is_address(text):
    # A numeric host is only parsed; no resolver is asked.
    return bool(socket.getaddrinfo(text, 0, flags=socket.AI_NUMERICHOST))


async def source_address(target):
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    probe.setblocking(False)
    probe.connect((target, 1))
    return probe.getsockname()[0]


async def local_route(target):
    # Connecting a UDP socket only picks the peer and the route; nothing is sent.
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    probe.connect((target, 80))
    return probe.getsockname()[0]


async def wait_for_worker():
    ready.wait()  # expect: CON402
    return ready.wait(0)


async def print_shared(text):
    printer_lock.acquire()  # expect: CON402
    print(text)
    printer_lock.release()
    clock.sleep(0)


async def update_shared(state):
    state_lock.acquire()  # expect: CON402
    try:
        state["n"] += 1
    finally:
        state_lock.release()
    if state_lock.acquire(blocking=False):
        state_lock.release()


class Banner:
    def __init__(self, text, url=None):
        self.text = text
        if url is not None:
            with urllib.request.urlopen(url, timeout=5) as page:
                self.text = page.read().decode()


async def show_banner(text):
    # Near miss: without a URL, `Banner` downloads nothing.
    return Banner(text).text


async def show_remote_banner(url):
    return Banner("", url=url).text  # expect: CON402


async def hand_out_held_lock(holders, key):
    # Near miss: no one else has seen the new lock, so taking it does not wait.
    lock = threading.Lock()
    lock.acquire()
    holders[key] = lock


async def record_visit(state, page):
    with state_lock:
        state["pages"] = state.get("pages", 0) + 1
        await asyncio.sleep(0)  # expect: CON402
        state["last"] = page


class Cache:
    def __init__(self):
        self._guard = threading.RLock()
        self._async_guard = asyncio.Lock()
        self.entries = {}

    async def refresh(self, key, fetch):
        with self._guard:
            self.entries[key] = await fetch(key)  # expect: CON402

    async def refresh_politely(self, key, fetch):
        async with self._async_guard:
            self.entries[key] = await fetch(key)
        value = await fetch(key)
        with self._guard:
            self.entries[key] = value


class Resyncer:
    def __init__(self):
        self._retry_lock = threading.Lock()
        self._flush_lock = threading.Lock()

    async def retry(self, fetch):
        # Only ever tried, never waited for: the other tasks are turned away, not blocked.
        if not self._retry_lock.acquire(blocking=False):
            return
        try:
            await fetch()
        finally:
            self._retry_lock.release()

    async def flush(self, fetch):
        if not self._flush_lock.acquire(blocking=False):
            return
        try:
            await fetch()  # expect: CON402
        finally:
            self._flush_lock.release()

    def flush_now(self):
        with self._flush_lock:  # waits: a task here blocks the loop while `flush` holds it
            print("flushing")


async def checksum_in_thread(data):
    future = workers.submit(sum, data)
    return future.result()  # expect: CON402


async def checksum_when_done(data):
    future = workers.submit(sum, data)
    return future.result() if future.done() else await asyncio.wrap_future(future)


async def checksum_after_signal(data, finished: asyncio.Event):
    # Awaited first: the worker signals the loop once the future holds its result.
    future = workers.submit(sum, data)
    await finished.wait()
    return future.result()


async def call_on_own_loop():
    future = asyncio.run_coroutine_threadsafe(asyncio.sleep(1), asyncio.get_running_loop())
    return future.result()  # expect: CON402


async def socket_in_use(path):
    # A Unix-domain socket connects to a path on this machine: accepted or refused at once.
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.connect(path)
    except OSError:
        return False
    finally:
        probe.close()
    return True


async def dial(target):
    stream = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    stream.connect((target, 80))  # expect: CON402
    return stream


async def push(conn: socket.socket, data):
    # A handler for BlockingIOError: the socket is non-blocking, the send never waits.
    try:
        return conn.send(data)
    except BlockingIOError:
        return 0


async def push_all(conn: socket.socket, data):
    try:
        return conn.sendall(data)  # expect: CON402
    except (ConnectionResetError, BrokenPipeError):
        return None


NUMERIC_ONLY = socket.AI_NUMERICHOST | socket.AI_NUMERICSERV
PASSIVE = socket.AI_PASSIVE


async def parse_address(text, port):
    return socket.getaddrinfo(text, port, flags=NUMERIC_ONLY)


async def listening_addresses(host):
    return socket.getaddrinfo(host, 0, flags=PASSIVE)  # expect: CON402


async def resolve(host):
    return socket.getaddrinfo(host, 443)  # expect: CON402


async def loopback_addresses(port):
    # Addresses written out are parsed, not looked up; `localhost` is in the hosts file;
    # any other name is looked up.
    found = socket.getaddrinfo("127.0.0.1", port) + socket.getaddrinfo(host="::1", port=port)
    found += socket.getaddrinfo("localhost", port)
    found += socket.getaddrinfo("db.internal", port)  # expect: CON402
    return found, socket.gethostbyname('10.0.0.1'), socket.gethostbyname("10.0.0.256.1")  # expect: CON402


class ClusterNode:
    def __init__(self, host, port):
        if host == "localhost":
            host = socket.gethostbyname(host)
        self.host = host
        self.port = port


async def add_node(nodes, host, port):
    if "localhost" == host:
        host = socket.gethostbyname(host)
    nodes.append(ClusterNode(host, port))
    if host == "primary":
        return socket.gethostbyname(host)  # expect: CON402


async def describe():
    note = "time.sleep(1) or os.system('sync') in a coroutine stalls the loop"
    # os.system("reboot") would block here
    return note


def sync_worker(url):
    clock.sleep(1)
    return requests.get(url, timeout=5)


async def main():
    await asyncio.gather(poll_status("http://localhost/"), polite_wait())


if __name__ == "__main__":
    asyncio.run(main())


async def resolve_generated(loop, host):
    # Code generated for both sync and async use keeps the variant it does not run under a constant test.
    if True:  # ASYNC
        return await loop.getaddrinfo(host, 80)
    else:
        return socket.getaddrinfo(host, 80)


_IS_SYNC = False


async def resolve_unasynced(loop, host):
    # pymongo's generated variants: the synchronous one sits under a module constant.
    if not _IS_SYNC:
        return await loop.getaddrinfo(host, 80)
    else:
        return socket.getaddrinfo(host, 80)


def crash_for_tests(flags, key):
    # Kills its own process and waits to die: the sleep waits for nothing the loop runs.
    if key in flags:
        os.kill(os.getpid(), 9)
        clock.sleep(10)
        raise RuntimeError("still alive")


async def submit(flags):
    crash_for_tests(flags, "before_submit")
    clock.sleep(1)  # expect: CON402
