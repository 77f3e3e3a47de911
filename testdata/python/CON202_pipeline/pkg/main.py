"""Hands the items to a process pool, then reports progress."""
from concurrent.futures import ProcessPoolExecutor

from . import state
from .tasks import checksum


def run(items):
    with ProcessPoolExecutor() as pool:
        values = list(pool.map(checksum, items))
    print(values, state.progress())


if __name__ == "__main__":
    run(["alpha", "beta", "gamma"])
