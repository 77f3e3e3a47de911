"""Download jobs run by the worker threads."""
import time
import urllib.request

from .stats import record, record_failure


def fetch(url):
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body = response.read()
    except OSError:
        record_failure(url)
        return 0
    record(len(body), time.monotonic() - started)
    return len(body)
