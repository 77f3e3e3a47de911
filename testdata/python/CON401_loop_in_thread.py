"""A sync program that runs its asyncio loop in a background thread, and a timer thread beside it."""
import asyncio
import threading
import time


def report(stats):
    while True:
        print("requests served:", stats["served"])
        time.sleep(10)


async def serve(stats):
    stats["served"] += 1


def main():
    stats = {"served": 0}
    loop = asyncio.new_event_loop()
    threading.Thread(target=loop.run_forever, daemon=True).start()
    asyncio.run_coroutine_threadsafe(serve(stats), loop)
    threading.Thread(target=report, args=(stats,), daemon=True).start()  # expect: CON401


if __name__ == "__main__":
    main()
