"""Workers handed one tally object as an argument, next to ones that lock it or get their own."""
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


def main(results):
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
