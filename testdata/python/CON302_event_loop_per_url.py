"""An event loop started, or run, for one coroutine per item: the items run one at a time."""
import asyncio
import sys

import aiohttp
import trio


async def fetch(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return await response.text()


async def checksum(data):
    # Never awaits: nothing would overlap in one loop either.
    return sum(data) % 65521


async def connect(host):
    reader, writer = await asyncio.open_connection(host, 443)
    return writer


def download(urls):
    pages = []
    for url in urls:
        pages.append(asyncio.run(fetch(url)))  # expect: CON302
    return pages


def download_quietly(urls):
    return [asyncio.run(fetch(url)) for url in urls]  # expect: CON302


def download_on_one_loop(urls):
    loop = asyncio.new_event_loop()
    for url in sys.argv[1:] or urls:
        loop.run_until_complete(fetch(url))  # expect: CON302
    for attempt in range(3):
        loop.run_until_complete(fetch(urls[attempt]))  # expect: CON302


def download_with_runner(urls):
    with asyncio.Runner() as runner:
        for url in urls:
            runner.run(fetch(url))  # expect: CON302


def download_with_trio(urls):
    for url in urls:
        trio.run(fetch, url)  # expect: CON302


def first_reachable(hosts):
    # Tries the hosts in order until one answers: sequential on purpose.
    for host in hosts:
        try:
            return asyncio.run(connect(host))
        except OSError:
            continue
    return None


def first_page(urls):
    for url in urls:
        page = asyncio.run(fetch(url))
        if page:
            break
    return page


def checksums(blocks):
    return [asyncio.run(checksum(block)) for block in blocks]


def supervise():
    # One loop at a time, restarted when it fails: not a loop over items.
    while True:
        try:
            asyncio.run(fetch("https://example.com/health"))
        except OSError:
            continue


def fetch_sync(url):
    return asyncio.run(fetch(url))


def download_through_a_wrapper(urls):
    first = fetch_sync(urls[0])
    return [first] + [fetch_sync(url) for url in urls[1:]]  # expect: CON302


def in_a_pool(function):
    return function


@in_a_pool
def fetch_in_background(url):
    # A decorator may hand every call to a pool.
    asyncio.run(fetch(url))


def download_in_background(urls):
    for url in urls:
        fetch_in_background(url)


def download_all(urls):
    async def main():
        return await asyncio.gather(*(fetch(url) for url in urls))

    return asyncio.run(main())


def test_each_url_downloads():
    for url in ["https://example.com/a", "https://example.com/b"]:
        assert asyncio.run(fetch(url))
