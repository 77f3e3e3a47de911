import threading
import time as t

import requests

latest = {}


def poll_forever(url):
    while True:
        latest["status"] = requests.get(url, timeout=5).status_code
        t.sleep(10)


def start_poller(url):
    thread = threading.Thread(target=poll_forever, args=(url,), daemon=True)  # expect: CON401
    thread.start()
    return thread
