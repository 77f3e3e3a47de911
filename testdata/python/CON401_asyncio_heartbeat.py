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


def beat_until_stopped(stop_event):
    while not stop_event.wait(timeout=20):
        print("beat")


def wait_for_orders(cond, orders):
    while True:
        with cond:
            cond.wait(5)
            print(len(orders))


def consume(jobs):
    while True:
        job = jobs.get()
        print("job", job)


def paced_uploads(wake, uploads):
    # Woken for each batch; the sleep only spaces the uploads out.
    while True:
        wake.wait()
        wake.clear()
        while uploads:
            print("upload", uploads.pop())
            time.sleep(0.5)


class Worker:
    acked = False

    def wait_for_ack(self, limit):
        # Polls for one state change, then gives up: no work repeats.
        misses = 0
        while not self.acked:
            time.sleep(0.1)
            misses += 1
            if misses > limit:
                raise TimeoutError(f"no ack within {limit / 10} seconds")


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
    threading.Thread(target=beat_until_stopped, args=(stop,), daemon=True).start()  # expect: CON401
    threading.Thread(target=wait_for_orders, args=(threading.Condition(), []), daemon=True).start()
    Timer(5, one_shot_warmup).start()
    threading.Thread(target=paced_uploads, args=(threading.Event(), []), daemon=True).start()
    threading.Thread(target=Worker().wait_for_ack, args=(300,)).start()
    asyncio.create_task(heartbeat_task())
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
