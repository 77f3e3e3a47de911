"""A thread per line of a file: as many threads as the file has lines, all at once."""
import csv
import threading
from concurrent.futures import ThreadPoolExecutor


def fetch(url):
    pass


def crawl(path):
    with open(path) as urls:
        for line in urls:
            threading.Thread(target=fetch, args=(line.strip(),)).start()  # expect: CON301


def crawl_unopened(path):
    for url in open(path):
        threading.Thread(target=fetch, args=(url,)).start()  # expect: CON301


def crawl_rows(path):
    handle = open(path, newline="")
    for row in csv.reader(handle):
        threading.Thread(target=fetch, args=(row[0],)).start()  # expect: CON301


def crawl_pooled(path):
    # A pool bounds how many run at once, however long the file.
    with open(path) as urls, ThreadPoolExecutor(max_workers=8) as pool:
        for line in urls:
            pool.submit(fetch, line.strip())


def crawl_listed(path):
    with open(path) as urls:
        workers = [threading.Thread(target=fetch, args=(line.strip(),)) for line in urls]  # expect: CON301
    for worker in workers:
        worker.start()
    known = [threading.Thread(target=fetch, args=(url,)) for url in ["a", "b"]]
    for worker in known:
        worker.start()


def crawl_known(mirrors):
    for url in mirrors:
        threading.Thread(target=fetch, args=(url,)).start()


if __name__ == "__main__":
    crawl("urls.txt")
    crawl_unopened("urls.txt")
    crawl_rows("urls.csv")
    crawl_pooled("urls.txt")
    crawl_listed("urls.txt")
    crawl_known(["a", "b"])
