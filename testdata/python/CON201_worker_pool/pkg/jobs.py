"""Download jobs run by the worker threads."""
import time
import urllib.request

from .stats import next_batch, record, record_failure


def fetch(url):
    next_batch()
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body = response.read()
    except OSError:
        record_failure(url)
        return 0
    record(len(body), time.monotonic() - started)
    return len(body)
