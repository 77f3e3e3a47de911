"""Pools sized in the hundreds bound nothing: "you can only run a few hundred OS threads or
processes before everything either bogs down or just fails"."""
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import Pool
from multiprocessing.pool import ThreadPool
import threading

import gevent.pool
import requests

MAX_DOWNLOADS = 500
CRAWLERS = 64


def fetch(url):
    return requests.get(url).status_code


def square(x):
    return x * x


def download_all(urls):
    with ThreadPoolExecutor(max_workers=1000) as executor:  # expect: CON301
        return list(executor.map(fetch, urls))


def download_configured(urls):
    with ThreadPool(MAX_DOWNLOADS) as pool:  # expect: CON301
        return pool.map(fetch, urls)


def crawl(urls):
    with ThreadPoolExecutor(CRAWLERS) as executor:
        return list(executor.map(fetch, urls))


def squares(numbers):
    with Pool(processes=300) as pool:  # expect: CON301
        return pool.map(square, numbers)


def squares_by_core(numbers):
    with ProcessPoolExecutor() as executor:
        return list(executor.map(square, numbers))  # expect: CON303


def greenlets(urls):
    # Greenlets are microthreads: a thousand of them cost little.
    return gevent.pool.Pool(1000).map(fetch, urls)


if __name__ == "__main__":
    print(download_all(["http://example.com"]), squares(range(10)))


def fetch_each(count):
    for i in range(1000):
        threading.Thread(target=fetch, args=(i,)).start()  # expect: CON301
    for i in range(8):
        threading.Thread(target=fetch, args=(i,)).start()
    for i in range(1000):
        worker = threading.Thread(target=fetch, args=(i,))  # expect: CON302
        worker.start()
        worker.join()
