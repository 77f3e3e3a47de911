"""A coroutine that calls a plain function with a count its loop runs by, or whose
loop writes a long count itself: the loop runs on the event loop as surely as one
written in the coroutine itself."""
import asyncio
from concurrent.futures import ProcessPoolExecutor


def checksum(n):
    total = 0
    for i in range(n):
        total = (total + i * 31) % 65521
    return total


def countdown(n):
    while n > 0:
        n -= 1


def log_each(n):
    for i in range(n):
        print(i)


def cpu_bound():
    # The asyncio documentation's example, meant for a process pool.
    return sum(i * i for i in range(10 ** 7))


def short_table():
    return [i * i for i in range(1000)]


async def square_sum(n):
    # A coroutine in name only: its loop never awaits.
    return sum(i * i for i in range(n))


def grid_sum(n):
    # Each loop alone runs 3,000 times; its body runs nine million.
    total = 0
    for i in range(n):
        for j in range(n):
            total += i * j
    return total


async def paced_sum(n):
    total = 0
    for i in range(n):
        total += i * i
        await asyncio.sleep(0)
    return total


async def handle(size):
    first = checksum(10_000_000)  # expect: CON104
    countdown(n=2**20)  # expect: CON104
    small = checksum(100)  # a hundred passes end at once
    unknown = checksum(size)  # a count not written here
    log_each(5000)  # waits on the console, not arithmetic
    await square_sum(10**6)  # expect: CON104
    await paced_sum(10**6)  # gives way on every pass
    cpu_bound()  # expect: CON104
    short_table()  # a thousand passes end at once
    grid_sum(3000)  # expect: CON104
    grid_sum(30)  # nine hundred passes end at once
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        offloaded = await loop.run_in_executor(pool, checksum, 10_000_000)
        await loop.run_in_executor(pool, cpu_bound)
    return first, small, unknown, offloaded


if __name__ == "__main__":
    asyncio.run(handle(10))
