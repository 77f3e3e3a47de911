"""A command-line tool with a sleeping progress thread: no event loop, so a thread is fine."""
import threading
import time

import requests


def report_progress(done):
    while not done.is_set():
        print("still working")
        time.sleep(30)


def poll_forever(url):
    while True:
        requests.get(url, timeout=5)
        time.sleep(30)


def main():
    done = threading.Event()
    threading.Thread(target=report_progress, args=(done,), daemon=True).start()
    threading.Thread(target=poll_forever, args=("http://localhost/",), daemon=True).start()
    time.sleep(120)
    done.set()


if __name__ == "__main__":
    main()
