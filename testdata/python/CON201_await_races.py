"""Coroutines that several tasks run at once, updating module state across an await."""
import asyncio

import tornado.web
from aiohttp import web

balance = 100
cache = {}
total = 0
served = 0
visits = 0
lock = asyncio.Lock()
audit = []
tornado_visits = 0


async def fetch_amount(n):
    await asyncio.sleep(0.01)
    return n


async def withdraw(amount):
    global balance
    current = balance
    await asyncio.sleep(0.1)
    balance = current - amount  # expect: CON201


async def lookup(key):
    if key not in cache:
        value = await fetch_amount(len(key))
        cache[key] = value  # expect: CON201
    return cache[key]


async def add_up(n):
    global total
    total += await fetch_amount(n)  # expect: CON201


async def withdraw_locked(amount):
    global balance
    async with lock:
        current = balance
        await asyncio.sleep(0.1)
        balance = current - amount


async def withdraw_rereading(amount):
    global balance
    await asyncio.sleep(0.1)
    balance = balance - amount


async def lookup_checked_again(key):
    if key not in cache:
        value = await fetch_amount(len(key))
        if key not in cache:
            cache[key] = value
    return cache[key]


async def deposit_or_log(amount):
    global balance
    current = balance
    if amount < 0:
        await asyncio.sleep(0)
        return
    balance = current + amount


async def handle(request):
    global served
    count = served
    await asyncio.sleep(0)
    served = count + 1  # expect: CON201
    return web.Response(text=str(served))


class VisitHandler(tornado.web.RequestHandler):
    async def get(self):
        global tornado_visits
        seen = tornado_visits
        await asyncio.sleep(0)
        tornado_visits = seen + 1  # expect: CON201
        self.write(str(tornado_visits))


routes = web.RouteTableDef()
pages = 0


@routes.get("/pages")
async def count_page(request):
    global pages
    seen = pages
    await asyncio.sleep(0)
    pages = seen + 1  # expect: CON201
    return web.Response(text=str(pages))


async def on_connection(reader, writer):
    global visits
    seen = visits
    writer.write(await reader.readline())
    visits = seen + 1  # expect: CON201
    writer.close()


async def run_once():
    global balance
    current = balance
    await asyncio.sleep(0)
    balance = current + 1


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.withdrawals = 0

    async def withdraw(self, amount):
        if self.balance >= amount:
            await asyncio.sleep(0.1)
            self.balance -= amount  # expect: CON201
            self._count()

    def _count(self):
        self.withdrawals += 1

    async def deposit(self, amount):
        current = self.balance
        await asyncio.sleep(0)
        self.balance = current + amount  # expect: CON201

    async def settle(self):
        # Each task has an account of its own.
        if self.balance < 0:
            await asyncio.sleep(0)
            self.balance = 0


shared_account = Account(100)


async def main():
    await asyncio.gather(shared_account.withdraw(80), shared_account.withdraw(80))
    for amount in (1, 2, 3):
        asyncio.create_task(shared_account.deposit(amount))
    await asyncio.gather(*(Account(n).settle() for n in range(3)))
    await asyncio.gather(*(withdraw(10) for _ in range(5)))
    await asyncio.gather(lookup("a"), lookup("a"))
    await asyncio.gather(add_up(1), add_up(2))
    await asyncio.gather(withdraw_locked(1), withdraw_locked(2))
    await asyncio.gather(withdraw_rereading(1), withdraw_rereading(2))
    await asyncio.gather(lookup_checked_again("b"), lookup_checked_again("b"))
    for amount in (1, -1, 2):
        asyncio.create_task(deposit_or_log(amount))
    await asyncio.create_task(run_once())
    await asyncio.start_server(on_connection, "localhost", 8888)
    app = web.Application()
    app.add_routes([web.get("/", handle)])


if __name__ == "__main__":
    asyncio.run(main())
