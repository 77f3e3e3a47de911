"""A report builder that starts its workers through a wrapper, not `Thread` itself."""
import threading

import background
from background import spawn

processed = 0


def checksum(rows):
    digest = 0
    for row in rows:
        for value in row:
            digest = (digest * 31 + value) % 1_000_003
    return digest


def count(rows):
    global processed
    for _ in rows:
        processed += 1  # expect: CON201


def fetch(url):
    with open(url) as handle:
        return handle.read()


class Reporter:
    def _start(self, handler, *args):
        threading.Thread(target=handler, args=args).start()

    def crunch(self, rows):
        total = 0
        for row in rows:
            for value in row:
                total = (total + value * value) % 1_000_003
        return total

    def run(self, batches):
        for rows in batches:
            self._start(self.crunch, rows)  # expect: CON101


def main(batches):
    for rows in batches:
        spawn(checksum, rows)  # expect: CON101
        background.spawn(count, rows)
        spawn(func=fetch, url="rows.csv")
        spawn(lambda: checksum(rows))  # expect: CON101
        spawn(print, "started")
    Reporter().run(batches)


if __name__ == "__main__":
    main([[[1, 2], [3, 4]]])
