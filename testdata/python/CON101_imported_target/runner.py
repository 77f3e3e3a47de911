"""Runs kernels from another module in threads."""
import threading
from concurrent.futures import ThreadPoolExecutor

import kernels
from kernels import smooth


def run(series):
    workers = []
    for values in series:
        worker = threading.Thread(target=kernels.smooth, args=(values, 50))  # expect: CON101
        worker.start()
        workers.append(worker)
    with ThreadPoolExecutor() as executor:
        executor.submit(smooth, series[0], 10)  # expect: CON101
        executor.submit(kernels.load, "series.txt")
    for worker in workers:
        worker.join()


if __name__ == "__main__":
    run([[1.0, 2.0, 3.0]])
