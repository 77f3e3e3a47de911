"""A batch renderer that reaches for threads where the work is pure-Python arithmetic."""
import asyncio
import hashlib
import multiprocessing.dummy
import threading
import threading as th
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures import ThreadPoolExecutor as Workers
from multiprocessing.pool import ThreadPool

import numpy as np
import requests
import serial


def mandelbrot_row(y, width, height, limit=200):
    row = []
    for x in range(width):
        c = complex(3.5 * x / width - 2.5, 2.0 * y / height - 1.0)
        z = 0j
        n = 0
        while abs(z) <= 2 and n < limit:
            z = z * z + c
            n += 1
        row.append(n)
    return row


def checksum(blocks):
    total = 0
    for block in blocks:
        for byte in block:
            total = (total * 31 + byte) & 0xFFFFFFFF
    return total


def validated_checksum(blocks):
    total = 0
    for block in blocks:
        for byte in block:
            if byte > 0x7F:
                raise ValueError("not ASCII")
            total = (total * 31 + byte) & 0xFFFFFFFF
    return total


def render(height):
    return [mandelbrot_row(y, 640, height) for y in range(height)]


class RowWorker(threading.Thread):
    def __init__(self, rows):
        super().__init__()
        self.rows = rows

    def run(self):
        self.result = checksum(self.rows)


class Tiles:
    def __init__(self, size):
        self.size = size

    def render(self):
        total = 0
        for y in range(self.size):
            for x in range(self.size):
                total += (x * y) % 7
        return total


def render_with_threads(height):
    threads = [threading.Thread(target=mandelbrot_row, args=(y, 640, height)) for y in range(4)]  # expect: CON101
    for t in threads:
        t.start()
    worker = RowWorker([b"abc"] * 1000)  # expect: CON101
    worker.start()
    th.Thread(target=render, args=(height,)).start()  # expect: CON101
    threading.Thread(target=Tiles(256).render).start()  # expect: CON101
    for t in threads:
        t.join()


def render_with_pool(height):
    with ThreadPoolExecutor(max_workers=4) as pool:
        future = pool.submit(render, height)  # expect: CON101
        rows = list(pool.map(mandelbrot_row, range(height), [640] * height, [height] * height))  # expect: CON101
    with Workers() as aliased:
        aliased.submit(checksum, [b"xyz"])  # expect: CON101
    legacy = ThreadPool(4)
    sums = legacy.map(checksum, [[b"a"], [b"b"]])  # expect: CON101
    dummy = multiprocessing.dummy.Pool(2)
    dummy.map(checksum, [[b"c"]])  # expect: CON101
    return future.result(), rows, sums


def check_uploads(uploads):
    # Raising a builtin exception inside the loop does not make it any less CPU-bound.
    checkers = [threading.Thread(target=validated_checksum, args=(blocks,)) for blocks in uploads]  # expect: CON101
    for checker in checkers:
        checker.start()


def schedule_checksum(blocks):
    timer = threading.Timer(5.0, checksum, args=(blocks,))  # expect: CON101
    timer.start()


async def render_async(height):
    rows = await asyncio.to_thread(render, height)  # expect: CON101
    loop = asyncio.get_running_loop()
    total = await loop.run_in_executor(None, checksum, rows)  # expect: CON101
    with ThreadPoolExecutor(max_workers=2) as workers:
        again = await loop.run_in_executor(workers, checksum, rows)  # expect: CON101
    return total, again


# Near misses: the right model for the work, or work the GIL does not serialise.

def render_with_processes(height):
    with ProcessPoolExecutor() as pool:
        return list(pool.map(mandelbrot_row, range(height), [640] * height, [height] * height))


def fetch_all(urls):
    results = []
    for url in urls:
        response = requests.get(url, timeout=10)
        results.append(response.status_code)
    return results


def digest(paths):
    hashes = []
    for path in paths:
        with open(path, "rb") as handle:
            hashes.append(hashlib.sha256(handle.read()).hexdigest())
    return hashes


def matrix_power(n):
    m = np.eye(n)
    for _ in range(100):
        m = m @ np.ones((n, n)) * 0.5 + 1
    return m


def poll_progress(state):
    while not state["done"]:
        done = state["finished"] * 100 // state["total"]
        print(f"{done}%")
        time.sleep(1)


def apply_all(callback, items):
    total = 0
    for item in items:
        for part in item:
            total += callback(part) * 2 + 1
    return total


def pump(stream, sink):
    # A stream of unknown type may wait in read() and write(): not pure computation.
    total = 0
    while True:
        chunk = stream.read(4096)
        if not chunk:
            return total
        total += len(chunk) * 8 // 7
        sink.write(chunk)


def listen(port):
    with serial.Serial(port, 115200, timeout=1) as link:
        frames = 0
        while frames < 10_000:
            frame = link.read(64)
            frames += (len(frame) + 63) // 64


class ResultCollector:
    """Takes results off a queue of unknown type: `get(block=True, timeout=...)` waits."""

    def __init__(self, comms):
        self.comms = comms
        self.totals = {}

    def next_batch(self):
        return self.comms.results.get(block=True, timeout=0.1)

    def collect(self):
        while True:
            for key, value in self.next_batch():
                self.totals[key] = self.totals.get(key, 0) + value * 2 - 1


def near_misses(urls, paths, state):
    with ThreadPoolExecutor() as pool:
        pool.submit(fetch_all, urls)
        pool.submit(digest, paths)
        pool.submit(matrix_power, 512)
        pool.submit(apply_all, len, [[1, 2]])
    threading.Thread(target=poll_progress, args=(state,), daemon=True).start()
    threading.Thread(target=pump, args=(state.source, state.sink)).start()
    threading.Thread(target=listen, args=("/dev/ttyUSB0",)).start()
    threading.Thread(target=ResultCollector(state.comms).collect, daemon=True).start()


def test_render_is_thread_safe():
    threads = [threading.Thread(target=render, args=(8,)) for _ in range(4)]
    for t in threads:
        t.start()


def suppressed(height):
    threading.Thread(target=render, args=(height,)).start()  # conch: ignore[CON101]
