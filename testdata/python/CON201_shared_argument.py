"""Workers handed one tally object as an argument, next to ones that lock it or get their own."""
import collections
import threading
from concurrent.futures import ThreadPoolExecutor


class Tally:
    def __init__(self):
        self.done = 0
        self.failed = 0
        self.lock = threading.Lock()


def record(tally, ok):
    if ok:
        tally.done += 1  # expect: CON201
    else:
        with tally.lock:
            tally.failed += 1


def count(counts, word):
    counts[word] += 1  # expect: CON201


def square(slots, index):
    slots[index] = index * index  # a lone store into an item is atomic


def main(results):
    counts = collections.Counter()
    slots = [None] * len(results)
    for index, word in enumerate(["a", "b", "a"]):
        threading.Thread(target=count, args=(counts, word)).start()
        threading.Thread(target=square, args=(slots, index)).start()
    tally = Tally()
    threads = [threading.Thread(target=record, args=(tally, ok)) for ok in results]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with ThreadPoolExecutor() as pool:
        for ok in results:
            # Near miss: a tally of its own for each task.
            pool.submit(record, Tally(), ok)
    print(tally.done, tally.failed)


if __name__ == "__main__":
    main([True, False, True])
