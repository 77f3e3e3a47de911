"""Runs the package's kernels in threads, through the names `jobs` re-exports."""
import threading

import jobs
from jobs import Cruncher, smooth


def run(series):
    first = threading.Thread(target=smooth, args=(series[0], 50))  # expect: CON101
    second = threading.Thread(target=jobs.smooth, args=(series[1], 50))  # expect: CON101
    crunchers = [
        Cruncher(2000),  # expect: CON101
        jobs.Cruncher(2000),  # expect: CON101
    ]
    for thread in [first, second, *crunchers]:
        thread.start()
    for thread in [first, second, *crunchers]:
        thread.join()


if __name__ == "__main__":
    run([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
