"""A crawler and a backup job that pay for processes to wait on the network and children."""
import importlib
import multiprocessing
import multiprocessing as mp
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import requests


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return url, len(response.read())


def download(url, folder):
    response = requests.get(url, timeout=30)
    path = os.path.join(folder, url.rsplit("/", 1)[-1])
    with open(path, "wb") as handle:
        handle.write(response.content)
    return path


def archive(folder):
    return subprocess.run(["tar", "czf", folder + ".tgz", folder], check=True).returncode


def heartbeat(host, port):
    while True:
        with socket.create_connection((host, port), timeout=5) as conn:
            conn.sendall(b"ping\n")
        time.sleep(30)


class Uploader(mp.Process):
    def __init__(self, urls):
        super().__init__()
        self.urls = urls

    def run(self):
        for url in self.urls:
            download(url, "/tmp")


def crawl(urls, paths):
    with ProcessPoolExecutor(max_workers=8) as pool:
        pages = list(pool.map(fetch, urls))  # expect: CON102
        pool.submit(archive, "/srv/pages")  # expect: CON102
    with multiprocessing.Pool(4) as workers:
        workers.starmap(download, [(url, "/tmp") for url in urls])  # expect: CON102
        workers.apply_async(fetch, (urls[0],))  # expect: CON102
    beat = mp.Process(target=heartbeat, args=("monitor.local", 9000), daemon=True)  # expect: CON102
    beat.start()
    uploader = Uploader(urls)  # expect: CON102
    uploader.start()
    with ProcessPoolExecutor() as pool:
        heads = list(pool.map(requests.head, urls))  # expect: CON102
        pool.map(urllib.request.urlopen, urls)  # expect: CON102
        pool.map(shutil.copyfile, paths, paths)
    return pages, heads


# Near misses.

def crunch(n):
    total = 0
    for i in range(n):
        for j in range(n):
            total += (i * j) % 7
    return total


def fetch_and_score(url):
    body = requests.get(url, timeout=10).text
    score = 0
    for i in range(len(body)):
        for j in range(i, min(i + 64, len(body))):
            score += ord(body[j]) * (j - i) % 13
    return score


def copy_tree(source, target):
    shutil.copytree(source, target)


def convert(path):
    with open(path) as handle:
        text = handle.read()
    return compile(text, path, "exec")


class Refactorer:
    """Worker processes that take jobs from a queue: the wait is for work, not on the world."""

    def __init__(self):
        self.jobs = mp.JoinableQueue()

    def _child(self):
        job = self.jobs.get()
        while job is not None:
            compile(job, "<job>", "exec")
            self.jobs.task_done()
            job = self.jobs.get()

    def run(self, sources):
        workers = [mp.Process(target=self._child) for _ in range(4)]
        for worker in workers:
            worker.start()
        for source in sources:
            self.jobs.put(source)


def load_plugin(name):
    return importlib.import_module(f"plugins.{name}")


def start_worker(name, delay):
    # A pause before work conch cannot see (a plug-in's `run`) says nothing about that work.
    time.sleep(delay)
    plugin = load_plugin(name)
    plugin.run()


def near_misses(urls, paths):
    with ProcessPoolExecutor() as pool:
        pool.map(crunch, [2000] * 4)
        pool.map(fetch_and_score, urls)
        pool.map(convert, paths)
        pool.submit(copy_tree, "/srv/a", "/srv/b")
        pool.submit(start_worker, "indexer", 2.0)
    with ThreadPoolExecutor() as threads:
        threads.map(fetch, urls)
    pid = os.fork()
    if pid == 0:
        heartbeat("monitor.local", 9000)


def test_fetch_in_a_child_process():
    child = multiprocessing.Process(target=fetch, args=("http://localhost:8000/",))
    child.start()
    child.join()


def isolated(urls):
    # A crashing client library is kept out of the parent on purpose.
    with ProcessPoolExecutor() as pool:
        return list(pool.map(fetch, urls))  # conch: ignore[CON102]


if __name__ == "__main__":
    crawl(["https://example.com/"], ["index.html"])
