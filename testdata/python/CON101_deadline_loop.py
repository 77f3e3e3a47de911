# A loop that runs until a deadline lasts as long in a process as in a thread:
# the benchmark keeps the event loop free, and more cores would not end it
# sooner. The checksum, a nest of arithmetic, would go faster in a process.
# A loop that stats and deletes files waits on the disk, and one that formats
# log lines with `%` computes nothing.
import asyncio
import logging
import os
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


def purge_old_files(folders, age, now):
    for paths in folders:
        for path in paths:
            if now - os.lstat(path).st_ctime > age * 60 + 1:
                os.remove(path)


def log_cache_sizes(caches):
    for name in caches:
        for key in caches[name]:
            logging.debug("cache %s:%s has %d entries" % (name, key, len(caches[name][key])))


async def main(blocks):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, benchmark_memory)
    await loop.run_in_executor(None, purge_old_files, [], 5, 0)
    await loop.run_in_executor(None, log_cache_sizes, {})
    return await loop.run_in_executor(None, checksum, blocks)  # expect: CON101
