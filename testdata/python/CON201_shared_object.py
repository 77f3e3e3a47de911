"""Threads that share one object and update its attributes, next to ones that each own theirs."""
import threading
import time
from concurrent.futures import ThreadPoolExecutor


class Counter:
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()

    def increment(self):
        for _ in range(100_000):
            self.value += 1  # expect: CON201

    def increment_safely(self):
        for _ in range(100_000):
            with self.lock:
                self.value += 1
                self._count_call()

    def _count_call(self):
        # Only ever called with the lock held.
        self.calls = self.calls + 1


class Crawler:
    def __init__(self):
        self.pages = 0
        self.sizes = {}

    def fetch(self, url):
        self.pages += 1  # expect: CON201
        self.sizes[url] = self.sizes.get(url, 0) + len(url)  # expect: CON201
        self._record(url)

    def _record(self, url):
        self.last_length = self.last_length + len(url)  # expect: CON201

    def crawl(self, urls):
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(self.fetch, urls))


class FakeDatabase:
    """The update is spread over statements, through a local, as in Real Python's race example."""

    def __init__(self):
        self.value = 0
        self.name = ""

    def update(self, name):
        local_copy = self.value
        local_copy += 1
        time.sleep(0.1)
        self.value = local_copy  # expect: CON201

    def rename(self, name):
        # Stores the old value back unchanged, and the new name alone: nothing is lost.
        previous = self.value
        self.value = previous
        self.name = name


class Tally:
    def __init__(self):
        self.count = 0

    def add(self):
        self.count += 1


class Worker(threading.Thread):
    def __init__(self):
        super().__init__()
        self.done = 0

    def run(self):
        self.done += 1


counter = Counter()


def main():
    threads = [threading.Thread(target=counter.increment) for _ in range(4)]  # expect: CON101
    threads += [threading.Thread(target=counter.increment_safely) for _ in range(4)]
    for _ in range(4):
        # A tally per thread: nothing is shared.
        own = Tally()
        threads.append(threading.Thread(target=own.add))
    threads += [Worker() for _ in range(4)]
    for thread in threads:
        thread.start()
    Crawler().crawl(["a", "b"])
    database = FakeDatabase()
    with ThreadPoolExecutor(max_workers=2) as executor:
        for index in range(2):
            executor.submit(database.update, index)
            executor.submit(database.rename, str(index))


if __name__ == "__main__":
    main()
