"""Containers a function makes and its closures update in place: threads running the
closures share the one container, as they would a module-level one."""
import collections
import threading
from concurrent.futures import ThreadPoolExecutor


def word_counts(words):
    totals = {}
    seen = set()
    lengths = collections.Counter()

    def tally(word):
        totals[word] = totals.get(word, 0) + 1  # expect: CON201
        lengths[len(word)] += 1  # expect: CON201
        if word not in seen:
            seen.add(word)  # expect: CON201

    with ThreadPoolExecutor() as pool:
        pool.map(tally, words)
    return totals, lengths


def collect(urls):
    pages = []

    def fetch(url):
        # `append` is one operation on the list: atomic in CPython.
        pages.append(url)

    threads = [threading.Thread(target=fetch, args=(url,)) for url in urls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return pages


def heartbeat(connection, download):
    state = [None, 1]

    def beat():
        if state[1] < 0:
            return
        state[1] += 1  # expect: CON201
        connection.send(b"ping")
        state[0] = threading.Timer(30, beat)
        state[0].start()

    beat()
    try:
        return download()
    finally:
        state[1] = -1  # stops the beats, unless a timer's `+= 1` overwrites it


if __name__ == "__main__":
    print(word_counts(["a", "b", "a"]), collect(["x", "y"]))
