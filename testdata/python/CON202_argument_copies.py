"""Objects handed to a `Process` and changed there: the child changes its own copy,
and the parent, which reads its object after `join()`, never sees the change."""
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool, Process, Manager, Queue


class Stats:
    def __init__(self):
        self.done = 0


def worker(results, stats):
    results.append(42)  # expect: CON202
    stats.done += 1  # expect: CON202


def fill(slots, config, index):
    slots[index] = index * 2  # expect: CON202
    config["started"] = True  # its own input, filled in for itself


def collect(found, n):
    found.append(n * n)  # expect: CON202


def square(n):
    return n * n


def good_worker(shared, queue):
    shared.append(1)  # a manager's list: the change reaches the parent
    queue.put(2)


def main():
    results = []
    stats = Stats()
    p = Process(target=worker, args=(results, stats))
    p.start()
    p.join()
    manager = Manager()
    shared = manager.list()
    q = Queue()
    slots = [None] * 4
    config = dict(results=results)
    Process(target=fill, args=(slots, config, 0)).start()
    found = []
    with ProcessPoolExecutor() as executor:
        for n in range(4):
            executor.submit(collect, found, n)
    with Pool(2) as pool:
        squares = pool.map(square, [found, slots])  # each task gets an item, and returns its result
    Process(target=good_worker, args=(shared, q)).start()
    print(results, stats.done)


if __name__ == "__main__":
    main()
