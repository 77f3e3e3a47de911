"""A gevent program that stays inside gevent: greenlets, a greenlet pool, gevent's threadpool."""
from gevent import monkey

monkey.patch_all()

import urllib.request

import gevent
from gevent.pool import Pool
from gevent.threadpool import ThreadPool

NOTE = "monkey.patch_all() next to threading.Thread is trouble"


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return len(response.read())


def checksum(data):
    return sum(data) % 65521


def main(urls):
    pool = Pool(20)
    sizes = pool.map(fetch, urls)
    total = ThreadPool(2).spawn(checksum, bytes(sizes)).get()
    later = gevent.spawn_later(30, fetch, urls[0])
    gevent.joinall([later])
    return total


if __name__ == "__main__":
    main(["https://example.com/"])
