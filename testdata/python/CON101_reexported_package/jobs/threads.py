"""A thread class, exported through the package by its star import."""
import threading


class Cruncher(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n):
            for j in range(self.n):
                self.total += (i * j) % 7


def _helper():
    return 0
