"""A gevent crawler that also starts a real thread for its report."""
from gevent import monkey

monkey.patch_all()  # expect: CON403

import threading
import urllib.request

import gevent


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return len(response.read())


def write_report(sizes):
    with open("report.txt", "w", encoding="utf-8") as f:
        f.write(f"{sum(sizes)} bytes\n")


def main(urls):
    jobs = [gevent.spawn(fetch, url) for url in urls]
    gevent.joinall(jobs)
    writer = threading.Thread(target=write_report, args=([j.value for j in jobs],))
    writer.start()
    writer.join()


if __name__ == "__main__":
    main(["https://example.com/"])
