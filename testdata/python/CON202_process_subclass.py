"""`Process` subclasses whose `run` changes the object's attributes: the child changes
its own copy of the object, and the parent, reading the attribute after `start()`,
gets the value it had before."""
import multiprocessing
import threading
from multiprocessing import Process


class Counter(Process):
    def __init__(self, limit):
        super().__init__()
        self.limit = limit
        self.total = 0
        self.seen = []
        self.processed = 0

    def run(self):
        for i in range(self.limit):
            self.total += i  # expect: CON202
            self.seen.append(i)  # expect: CON202
            self.processed += 1  # only the child reads it, for its log
            if self.processed % 100 == 0:
                print("processed", self.processed)


class Solver(multiprocessing.Process):
    def run(self):
        self.answer = self.solve()  # expect: CON202
        self.steps = 3  # the parent never reads it

    def solve(self):
        self._tally()
        return 42

    def _tally(self):
        self.calls = getattr(self, "calls", 0)
        self.rounds += 1  # expect: CON202


class SharedCounter(Process):
    def __init__(self):
        super().__init__()
        self.total = multiprocessing.Value("i", 0)
        self.results = multiprocessing.Manager().list()

    def run(self):
        self.total.value += 1  # a shared Value: the parent sees it
        self.results.append(1)  # a manager's list: the parent sees it


class Tally(threading.Thread):
    def run(self):
        self.total = sum(range(10))  # a thread shares the object with its starter


def main():
    c = Counter(1000)
    print(c.total)  # read before the start: the parent's own value
    c.start()
    c.join()
    print(c.total, len(c.seen), c.exitcode)
    s = Solver()
    s.start()
    s.join()
    print(s.answer, s.rounds)
    shared = SharedCounter()
    shared.start()
    shared.join()
    print(shared.total.value, list(shared.results))
    t = Tally()
    t.start()
    t.join()
    return t.total


if __name__ == "__main__":
    main()
