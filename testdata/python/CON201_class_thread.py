"""Polling threads written as a Thread subclass, with module aliases."""
import threading as th
import time
import urllib.request
from threading import Thread as T

polls = 0
last_status = None
stopping = False
tls = th.local()
seen_hosts = set()
poll_lock = th.RLock()
slow_polls = 0


class Poller(T):
    def __init__(self, url):
        super().__init__(daemon=True)
        self.url = url

    def run(self):
        global polls, last_status, slow_polls
        while not stopping:
            started = time.monotonic()
            with urllib.request.urlopen(self.url, timeout=5) as response:
                last_status = response.status
            polls += 1  # expect: CON201
            tls.retries = getattr(tls, "retries", 0) + 1
            seen_hosts.add(self.url)
            poll_lock.acquire()
            slow_polls += time.monotonic() - started > 1
            poll_lock.release()
            time.sleep(1)


def status():
    return f"{polls} polls, last status {last_status}, {slow_polls} slow"


def main():
    global stopping
    Poller("https://example.com/health").start()
    Poller("https://example.org/health").start()
    time.sleep(10)
    stopping = True
    print(status())
