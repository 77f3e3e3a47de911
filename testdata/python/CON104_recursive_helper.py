"""An asyncio handler that computes Fibonacci numbers the slow way, on the loop's thread."""
import asyncio
from functools import lru_cache


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


@lru_cache(maxsize=None)
def fast_fib(n):
    if n < 2:
        return n
    return fast_fib(n - 1) + fast_fib(n - 2)


def walk(tree, depth):
    # Branches over its data: the count is a limit, not the work.
    if depth == 0 or not tree:
        return 0
    return walk(tree.left, depth) + walk(tree.right, depth)


async def handle(reader, writer):
    await reader.readline()
    writer.write(str(fib(32)).encode())  # expect: CON104
    writer.write(str(fib(12)).encode())
    writer.write(str(fast_fib(300)).encode())
    writer.write(str(walk(None, 40)).encode())
    await writer.drain()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8888)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
