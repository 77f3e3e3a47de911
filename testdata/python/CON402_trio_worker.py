"""A Trio worker: a blocking sleep in a coroutine, next to Trio's own ways to wait."""
import time

import trio


def read_sensor():
    time.sleep(0.1)
    return 42


async def poll():
    time.sleep(2)  # expect: CON402
    await trio.sleep(2)
    return await trio.to_thread.run_sync(read_sensor)


async def main():
    async with trio.open_nursery() as nursery:
        nursery.start_soon(poll)


if __name__ == "__main__":
    trio.run(main)
