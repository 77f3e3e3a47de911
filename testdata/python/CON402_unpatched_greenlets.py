"""Greenlets in a program that never monkey-patches the standard library: `time.sleep`
and `requests` block the hub, and every other greenlet with it."""
import time

import gevent
import requests


def worker(n):
    time.sleep(1)  # expect: CON402
    gevent.sleep(1)  # gevent's own sleep gives way
    return requests.get("http://example.com/%d" % n).status_code  # expect: CON402


def crunch(n):
    total = 0
    for i in range(n):  # expect: CON104
        for j in range(n):
            total += (i * j) % 7
    return total


def main():
    jobs = [gevent.spawn(worker, n) for n in range(100)]
    jobs.append(gevent.spawn(crunch, 1000))
    gevent.joinall(jobs)


if __name__ == "__main__":
    main()
