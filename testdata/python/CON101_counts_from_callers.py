"""Counts that reach the start through its function's parameters: Real Python's CPU-bound
example on a thread pool, and a coroutine that offloads to a thread what its caller sizes."""
import asyncio
import concurrent.futures
import time


def cpu_bound(number):
    return sum(i * i for i in range(number))


def find_sums(numbers):
    with concurrent.futures.ThreadPoolExecutor(max_workers=5) as executor:
        executor.map(cpu_bound, numbers)  # expect: CON101


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def run_both(n, numbers):
    # Two starts hand on two parameters: each takes what the callers pass for its own.
    with concurrent.futures.ThreadPoolExecutor() as executor:
        executor.submit(crunch, n)
        executor.map(cpu_bound, numbers)  # expect: CON101


async def handler(n):
    return await asyncio.to_thread(crunch, n)  # expect: CON101


async def sized_by_the_user(n):
    # One caller passes a value read at run time: the count is unknown, and nothing is said.
    return await asyncio.to_thread(crunch, n)


async def main(size):
    await handler(5_000_000)
    await handler(n=2_000_000)
    await sized_by_the_user(5_000_000)
    await sized_by_the_user(size)


if __name__ == "__main__":
    numbers = [5_000_000 + x for x in range(20)]
    run_both(10, numbers)
    start_time = time.time()
    find_sums(numbers)
    print(f"Duration {time.time() - start_time} seconds")
    asyncio.run(main(int(input())))
