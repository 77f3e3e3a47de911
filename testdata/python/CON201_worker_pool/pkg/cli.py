"""Runs the downloads on a thread pool and prints the statistics."""
import sys
from concurrent.futures import ThreadPoolExecutor as Pool

from . import stats
from .jobs import fetch


def main(urls):
    with Pool(max_workers=4) as pool:
        sizes = list(pool.map(fetch, urls))
    print(sum(sizes), stats.summary())


if __name__ == "__main__":
    main(sys.argv[1:])
