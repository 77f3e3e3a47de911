"""An asyncio service with timer threads beside it, and the loop's own ways to repeat work."""
import asyncio
import threading
import time
from threading import Timer

import requests

stop = threading.Event()


def send_heartbeat():
    while True:
        requests.post("http://monitor.local/beat", timeout=5)
        time.sleep(30)


def flush_metrics():
    while not stop.is_set():
        print("flushing metrics")
        stop.wait(10)


class Watchdog(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.wait(15):
            self.check()

    def check(self):
        print("all services up")


def rotate_logs():
    print("rotating logs")
    Timer(3600, rotate_logs).start()


def one_shot_warmup():
    requests.get("http://localhost:8080/warm", timeout=5)


def consume(jobs):
    while True:
        job = jobs.get()
        print("job", job)


async def heartbeat_task():
    while True:
        print("beat")
        await asyncio.sleep(30)


async def main():
    threading.Thread(target=send_heartbeat, daemon=True).start()  # expect: CON401
    threading.Thread(target=flush_metrics, daemon=True).start()  # expect: CON401
    Watchdog().start()  # expect: CON401
    Timer(3600, rotate_logs).start()  # expect: CON401
    threading.Thread(target=one_shot_warmup).start()
    Timer(5, one_shot_warmup).start()
    asyncio.create_task(heartbeat_task())
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
