"""Recursion that branches: each call makes two more, and all of it is Python code
the GIL runs one thread at a time, though no loop shows it."""
import functools
import os
import threading
from concurrent.futures import ThreadPoolExecutor


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@functools.lru_cache(maxsize=None)
def memo_fib(n):
    # Remembered results: each value is computed once, not twice per call.
    return n if n < 2 else memo_fib(n - 1) + memo_fib(n - 2)


def quicksort(items):
    if len(items) <= 1:
        return items
    pivot, rest = items[0], items[1:]
    return quicksort([x for x in rest if x < pivot]) + [pivot] + quicksort([x for x in rest if x >= pivot])


def disk_usage(path):
    # Recursion over a directory tree waits on the disk at every level.
    if not os.path.isdir(path):
        return os.path.getsize(path)
    return sum(disk_usage(os.path.join(path, name)) for name in os.listdir(path))


def visit(node, seen):
    # One call per child: a walk, not a multiplication of work.
    seen.append(node.name)
    for child in node.children:
        visit(child, seen)


def main(tree, data):
    workers = [threading.Thread(target=fib, args=(32,)) for _ in range(4)]  # expect: CON101
    for worker in workers:
        worker.start()
    with ThreadPoolExecutor() as pool:
        pool.submit(quicksort, data)  # expect: CON101
        pool.submit(memo_fib, 300)
        pool.submit(disk_usage, "/var/log")
        pool.submit(visit, tree, [])


if __name__ == "__main__":
    main(None, [])
