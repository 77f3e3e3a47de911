"""Starts the imported classes: the scanner of this file cannot see that they are threads."""
from jobs import SquareCruncher
from workers import Cruncher, Fetcher, Summer


def main():
    threads = [Cruncher(2000) for _ in range(4)]  # expect: CON101
    for thread in threads:
        thread.start()
    SquareCruncher(500).start()  # expect: CON101
    Fetcher("https://example.com/").start()  # expect: CON102
    Summer(limit=20_000_000).start()  # expect: CON101
    Summer(10).start()
    for thread in threads:
        thread.join()


if __name__ == "__main__":
    main()
