"""Thread and process classes, started by the modules that import them."""
import multiprocessing
import threading
import urllib.request


class Cruncher(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n):
            for j in range(self.n):
                self.total += (i * j) % 7


class Fetcher(multiprocessing.Process):
    def __init__(self, url):
        super().__init__()
        self.url = url

    def run(self):
        with urllib.request.urlopen(self.url, timeout=10) as page:
            page.read()


class Summer(threading.Thread):
    """Counts to what its construction hands it."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit
        self.total = 0

    def run(self):
        for i in range(self.limit):
            self.total += i * i
