# A loop that runs until a deadline lasts as long in a process as in a thread:
# the benchmark keeps the event loop free, and more cores would not end it
# sooner. The checksum, a nest of arithmetic, would go faster in a process.
import asyncio
import time


def benchmark_memory(sizes=(2048, 1 << 20), duration=0.2):
    rates = {}
    for size in sizes:
        data = bytes(size)
        start = time.monotonic()
        total = 0
        while time.monotonic() < start + duration:
            _ = data[:-1]
            total += size * 2 + 1
        rates[size] = total / (time.monotonic() - start)
    return rates


def checksum(blocks):
    total = 0
    for block in blocks:
        for byte in block:
            total = (total * 31 + byte) % 65521
    return total


async def main(blocks):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, benchmark_memory)
    return await loop.run_in_executor(None, checksum, blocks)  # expect: CON101
