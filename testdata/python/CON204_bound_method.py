"""Bound methods handed to process pools: pickle sends the object with the method, and
an object holding a thread's lock, a file or a connection cannot go."""
import sqlite3
import threading
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool


class Processor:
    def __init__(self):
        self.lock = threading.Lock()
        self.done = 0

    def process(self, item):
        return item * 2

    def run(self, items):
        with Pool(4) as pool:
            return pool.map(self.process, items)  # expect: CON204


class Exporter:
    def __init__(self, path):
        self.db = sqlite3.connect(path)

    def export(self, row):
        return repr(row)

    def run(self, rows):
        with ProcessPoolExecutor() as executor:
            return list(executor.map(self.export, rows))  # expect: CON204


class Counter:
    def __init__(self):
        self.lock = threading.Lock()

    def __getstate__(self):
        state = self.__dict__.copy()
        del state["lock"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.lock = threading.Lock()

    def count(self, item):
        return len(item)

    def run(self, items):
        # It says how it pickles: the lock stays behind.
        with Pool(2) as pool:
            return pool.map(self.count, items)


class Plain:
    def __init__(self):
        self.factor = 3

    def scale(self, item):
        return item * self.factor

    def run(self, items):
        with Pool(2) as pool:
            return pool.map(self.scale, items)


if __name__ == "__main__":
    print(Processor().run(range(10)), Exporter(":memory:").run([(1,)]), Counter().run(["ab"]), Plain().run([1]))
