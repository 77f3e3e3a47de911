"""Greenlets handed the count their loop runs by: `gevent.spawn(crunch, 10**8)` holds the
hub for a hundred million passes, patched or not."""
from gevent import monkey

monkey.patch_all()

import gevent


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def crunch_yielding(n):
    total = 0
    for i in range(n):
        total += i * i
        gevent.sleep(0)  # gives way on every pass
    return total


def grid(n):
    total = 0
    for i in range(n):
        for j in range(n):
            total += i * j
    return total


def grid_modulo(n):
    total = 0
    for i in range(n):  # expect: CON104
        for j in range(n):
            total += (i * j) % 7
    return total


def main():
    jobs = [
        gevent.spawn(crunch, 10**8),  # expect: CON104
        gevent.spawn(crunch, 100),  # a hundred passes are nothing
        gevent.spawn(crunch_yielding, 10**8),
        gevent.spawn(grid, 3000),  # expect: CON104
        gevent.spawn(grid_modulo, 3000),  # the nest is reported in `grid_modulo` itself
    ]
    gevent.joinall(jobs)


if __name__ == "__main__":
    main()
