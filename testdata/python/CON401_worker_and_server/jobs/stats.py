"""The scheduler samples its load from a sleeping thread, beside its asyncio loop."""
import os
import threading
import time

latest = {}


def sample_forever():
    while True:
        latest["load"] = os.getloadavg()[0]
        time.sleep(5)


def start_sampler():
    threading.Thread(target=sample_forever, daemon=True).start()  # expect: CON401
