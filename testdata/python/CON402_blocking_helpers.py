"""An asyncio price watcher whose coroutines call plain helpers that block."""
import asyncio
import queue
import subprocess
import time
import urllib.request

import requests


def fetch_price(symbol):
    response = requests.get(f"https://prices.example/{symbol}", timeout=5)
    return response.json()["price"]


def backoff(attempt):
    time.sleep(2 ** attempt)


def retry_fetch(symbol, attempts=3):
    for attempt in range(attempts):
        try:
            return fetch_price(symbol)
        except requests.RequestException:
            backoff(attempt)
    return None


def git_revision():
    return subprocess.check_output(["git", "rev-parse", "HEAD"], text=True).strip()


def format_price(symbol, price):
    return f"{symbol}: {price:.2f}"


async def watch(symbol):
    while True:
        price = fetch_price(symbol)  # expect: CON402
        print(format_price(symbol, price))
        await asyncio.sleep(60)


async def watch_patiently(symbol):
    price = retry_fetch(symbol)  # expect: CON402
    offloaded = await asyncio.to_thread(fetch_price, symbol)
    return price, offloaded


async def report():
    loop = asyncio.get_running_loop()
    revision = await loop.run_in_executor(None, git_revision)
    return format_price(revision, 0.0)


class PriceFeed:
    """Prices a worker thread puts on a queue, taken by coroutines."""

    def __init__(self):
        self.prices = queue.Queue()
        self.arrived = asyncio.Event()

    def _take(self):
        return self.prices.get()

    async def next_price(self):
        # The queue is looked at first: `_take` finds a price waiting.
        while self.prices.empty():
            self.arrived.clear()
            await self.arrived.wait()
        return self._take()

    async def next_price_blindly(self):
        return self._take()  # expect: CON402


def decode_data_uri(data_uri):
    # A data URI is decoded in memory: `urlopen` makes no connection for it.
    if not data_uri.startswith("data:"):
        raise ValueError("not a data URI")
    with urllib.request.urlopen(data_uri) as response:
        return response.read()


def download(url):
    if url.startswith("data:"):
        return decode_data_uri(url)
    with urllib.request.urlopen(url) as response:
        return response.read()


async def attach(uri):
    icon = decode_data_uri(uri)
    pixel = urllib.request.urlopen("data:image/gif;base64,R0lGODlhAQABAAAAACw=").read()
    page = download(uri)  # expect: CON402
    return icon, pixel, page


async def main():
    await asyncio.gather(watch("ACME"), watch_patiently("INITECH"), report())


if __name__ == "__main__":
    asyncio.run(main())
