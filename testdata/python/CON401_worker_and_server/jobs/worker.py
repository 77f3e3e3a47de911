"""The worker runs jobs one after another and tells the scheduler it is alive from a
thread: no event loop runs in its program, so the sleeping thread is the right tool."""
import threading
import time
import urllib.request

HEARTBEAT_SECONDS = 10


def ping_forever(url):
    while True:
        urllib.request.urlopen(url).close()
        time.sleep(HEARTBEAT_SECONDS)


def run_worker(url, jobs):
    threading.Thread(target=ping_forever, args=(url,), daemon=True).start()
    for job in jobs:
        job()
