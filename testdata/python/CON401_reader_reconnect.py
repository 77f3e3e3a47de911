"""A device reader thread that waits for its device to come back, beside an asyncio
service: the sleep polls for a condition on the reconnect path and paces nothing."""
import asyncio
import os
import threading
import time


def read_device(path, events):
    fd = os.open(path, os.O_RDONLY)
    failures = 0
    while True:
        if failures > 1000:
            os.close(fd)
            while not os.path.exists(path):
                time.sleep(0.05)
            fd = os.open(path, os.O_RDONLY)
            failures = 0
            continue
        data = os.read(fd, 16)
        if not data:
            failures += 1
            continue
        events.append(data)


def wait_for_socket(path):
    while not os.path.exists(path):
        time.sleep(0.1)


def report_queue_length(events):
    while True:
        print(len(events))
        for _ in range(10):
            time.sleep(0.5)


async def main():
    events = []
    threading.Thread(target=read_device, args=("/dev/input/event0", events), daemon=True).start()
    threading.Thread(target=wait_for_socket, args=("/run/app.sock",), daemon=True).start()
    threading.Thread(target=report_queue_length, args=(events,), daemon=True).start()  # expect: CON401
    await asyncio.sleep(10)


asyncio.run(main())
