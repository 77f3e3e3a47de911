"""Crawlers that await each request before they start the next: the event loop could
have all of them in flight at once."""
import asyncio

import aiohttp
import httpx


async def fetch(session, url):
    async with session.get(url) as response:
        return await response.text()


async def crawl(urls):
    pages = []
    async with aiohttp.ClientSession() as session:
        for url in urls:
            pages.append(await fetch(session, url))  # expect: CON302
    return pages


async def sizes(urls):
    async with httpx.AsyncClient() as client:
        return [len((await client.get(url)).content) for url in urls]  # expect: CON302


async def crawl_at_once(urls):
    # Near miss: every request is in flight at once.
    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch(session, url) for url in urls))


async def crawl_politely(urls):
    # Near miss: the loop spaces the requests out on purpose.
    async with httpx.AsyncClient() as client:
        for url in urls:
            await client.get(url)
            await asyncio.sleep(1)


async def first_found(urls):
    # Near miss: the loop stops at the first page that answers, so it tries them in order.
    async with httpx.AsyncClient() as client:
        for url in urls:
            response = await client.get(url)
            if response.status_code == 200:
                return response.text
    return None


async def render(names):
    # Near miss: the coroutine it awaits makes no request.
    return [await asyncio.to_thread(str.upper, name) for name in names]
