"""A coroutine joins a thread of a project class: `join` is still `threading.Thread.join`."""
import asyncio

from workers import JobQueue
from workers import OutputThread as Thread
from workers import TimedThread
from workers import _Relay


async def wait_for_output(stream):
    reader = Thread(stream)
    reader.start()
    reader.join()  # expect: CON402


async def next_job(job):
    jobs = JobQueue()
    jobs.put_job(job)
    return jobs.get()  # expect: CON402


async def wait_briefly(stream):
    reader = TimedThread(stream)
    reader.start()
    reader.join()


class Session:
    def open(self):
        self._relay = _Relay(target=print)
        self._relay.start()

    async def close(self):
        self._relay.join()  # expect: CON402


async def main(stream):
    await wait_for_output(stream)
    await next_job(1)
    await wait_briefly(stream)
    session = Session()
    session.open()
    await session.close()


asyncio.run(main(iter(["done\n"])))
