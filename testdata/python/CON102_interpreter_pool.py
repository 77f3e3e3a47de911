"""A crawler that ships its downloads to a pool of interpreters, and a checksum that belongs there."""
import asyncio
import urllib.request
from concurrent.futures import InterpreterPoolExecutor


def download(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def checksum(size):
    total = 0
    for i in range(size):
        total = (total * 31 + i) % 1_000_003
    return total


def crawl(urls):
    with InterpreterPoolExecutor(max_workers=8) as pool:
        pages = list(pool.map(download, urls))  # expect: CON102
        digest = pool.submit(checksum, 5_000_000).result()
    return pages, digest


async def crawl_async(url):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(InterpreterPoolExecutor(), download, url)  # expect: CON102
