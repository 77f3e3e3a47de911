"""Threads, processes and pool tasks waited for in the pass of the loop that starts them."""
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import Pool

import requests


def fetch(url):
    return requests.get(url, timeout=10).text


def digest(block):
    total = 0
    for byte in block:
        total = (total * 31 + byte) % 1_000_003
    return total


def fetch_in_pool(urls):
    pages = []
    with ThreadPoolExecutor(max_workers=8) as executor:
        for url in urls:
            pages.append(executor.submit(fetch, url).result())  # expect: CON302
    return pages


def fetch_in_pool_by_name(urls):
    pages = []
    with ThreadPoolExecutor(max_workers=8) as executor:
        for url in urls:
            future = executor.submit(fetch, url)  # expect: CON302
            pages.append(future.result())
    return pages


def digest_with_apply(blocks):
    with Pool(4) as pool:
        return [pool.apply(digest, (block,)) for block in blocks]  # expect: CON302


def digest_with_apply_async(blocks):
    with Pool(4) as pool:
        return [pool.apply_async(digest, (block,)).get() for block in blocks]  # expect: CON302


def digest_in_processes(blocks):
    for block in blocks:
        worker = multiprocessing.Process(target=digest, args=(block,))  # expect: CON302
        worker.start()
        worker.join()


def digest_in_children(blocks):
    for block in blocks:
        pid = os.fork()  # expect: CON302
        if pid == 0:
            print(digest(block))
            os._exit(0)
        os.waitpid(pid, 0)


def fetch_in_threads(urls):
    for url in urls:
        thread = threading.Thread(target=fetch, args=(url,))  # expect: CON302
        thread.start()
        thread.join()


def fetch_all_then_wait(urls):
    with ThreadPoolExecutor(max_workers=8) as executor:
        futures = [executor.submit(fetch, url) for url in urls]
        return [future.result() for future in futures]


def start_all_then_join(urls):
    threads = [threading.Thread(target=fetch, args=(url,)) for url in urls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def plugin_results(plugins):
    # A timeout per plugin, run in order: the pool is a watchdog, not a way to overlap them.
    results = []
    for plugin in plugins:
        executor = ThreadPoolExecutor(max_workers=1)
        future = executor.submit(plugin)
        results.append(future.result(timeout=5))
        executor.shutdown(wait=False)
    return results


def fetch_with_retries(url, attempts):
    # Tries again only when a try fails: the first result ends the loop.
    with ThreadPoolExecutor(max_workers=1) as executor:
        for _ in range(attempts):
            future = executor.submit(fetch, url)
            try:
                return future.result()
            except OSError:
                continue
    return None


def first_digest(blocks):
    # Stops at the first match: tries the blocks in order on purpose.
    with ProcessPoolExecutor() as executor:
        for block in blocks:
            if executor.submit(digest, block).result() == 0:
                return block
    return None


if __name__ == "__main__":
    fetch_in_pool(["https://example.com"])
    fetch_in_pool_by_name(["https://example.com"])
    digest_with_apply([b"abc"])
    digest_with_apply_async([b"abc"])
    digest_in_processes([b"abc"])
    digest_in_children([b"abc"])
    fetch_in_threads(["https://example.com"])
    fetch_all_then_wait(["https://example.com"])
    start_all_then_join(["https://example.com"])
    plugin_results([])
    first_digest([b"abc"])
    fetch_with_retries("https://example.com", 3)
