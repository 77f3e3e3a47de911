"""A start handed the result of calling its task's function instead of the function."""
import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Pool, Process

import requests


def fetch(url):
    print(requests.get(url, timeout=10).text)


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    print(total)


def make_worker(url):
    def worker():
        fetch(url)
    return worker


def pages(urls):
    for url in urls:
        yield requests.get(url, timeout=10).text


def start(urls):
    threads = [threading.Thread(target=fetch(url)) for url in urls]  # expect: CON302
    for thread in threads:
        thread.start()
    threading.Timer(5, fetch(urls[0])).start()  # expect: CON302
    with ThreadPoolExecutor() as executor:
        executor.submit(fetch(urls[0]))  # expect: CON302
    Process(target=crunch(10_000)).start()  # expect: CON302
    # A factory returns the function the thread runs.
    threading.Thread(target=make_worker(urls[0])).start()


async def poll_forever(url):
    while True:
        await asyncio.sleep(30)
        print(url)


def start_poller(url):
    threading.Thread(target=poll_forever(url), daemon=True).start()  # expect: CON302


def start_poller_right(url):
    threading.Thread(target=asyncio.run, args=(poll_forever(url),), daemon=True).start()


class Service:
    def handler(self):
        raise NotImplementedError

    def start(self):
        # An override may return the function the thread runs.
        threading.Thread(target=self.handler()).start()


def start_right(urls):
    threading.Thread(target=fetch, args=(urls[0],)).start()
    with Pool(2) as pool:
        pool.map(crunch, [10, 20])


if __name__ == "__main__":
    start(["https://example.com"])
    start_right(["https://example.com"])
    start_poller("https://example.com")
    start_poller_right("https://example.com")
    list(pages(["https://example.com"]))
