"""A worker thread talking to the asyncio loop: through the loop's thread-safe doors,
or straight at the loop's objects, which may leave the loop asleep."""
import asyncio
import threading
import time


def report(loop, queue, done, progress):
    for step in range(3):
        time.sleep(1)
        loop.call_soon(print, "step", step)  # expect: CON206
        queue.put_nowait(step)  # expect: CON206
        loop.call_soon_threadsafe(queue.put_nowait, step)
    done.set_result("finished")  # expect: CON206
    progress.clear()  # wakes nobody
    asyncio.run_coroutine_threadsafe(queue.put(None), loop)
    asyncio.ensure_future(queue.put(None), loop=loop)  # expect: CON206


def schedule_or_fall_back(coroutine, loop):
    # Probes for a running loop, and hands the coroutine over when there is none.
    try:
        asyncio.ensure_future(coroutine)
    except RuntimeError:
        asyncio.run_coroutine_threadsafe(coroutine, loop)


async def tick():
    await asyncio.sleep(1)


def own_loop():
    # A loop of the thread's own: its calls stay in its thread.
    loop = asyncio.new_event_loop()
    loop.create_task(tick())
    loop.call_later(5, loop.stop)
    loop.run_forever()


async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()
    done = loop.create_future()
    progress = asyncio.Event()
    threading.Thread(target=report, args=(loop, queue, done, progress)).start()
    threading.Thread(target=own_loop).start()
    threading.Thread(target=schedule_or_fall_back, args=(tick(), loop)).start()
    print(await done)


if __name__ == "__main__":
    asyncio.run(main())
