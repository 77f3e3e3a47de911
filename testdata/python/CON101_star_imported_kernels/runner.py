"""Runs the kernels it star-imports in a thread pool."""
from concurrent.futures import ThreadPoolExecutor

from kernels import *


def run(series):
    with ThreadPoolExecutor() as executor:
        futures = [executor.submit(sharpen, values, 640, 20) for values in series]  # expect: CON101
        futures.append(executor.submit(load_rows, "frame.raw"))
    return [future.result() for future in futures]


if __name__ == "__main__":
    run([[1.0, 2.0, 3.0]])
