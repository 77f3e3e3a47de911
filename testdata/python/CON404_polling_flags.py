"""Coroutines and green threads that sleep in a loop until other code changes a flag."""
import asyncio
import os
import threading
import time
from enum import Enum

import gevent
import trio

shutting_down = False


class Phase(Enum):
    starting = 1
    running = 2


class Connection:
    def __init__(self):
        self._stream = None
        self.phase = Phase.starting
        self.pending = set()

    async def open(self, host, port):
        self._stream = await asyncio.open_connection(host, port)
        self.phase = Phase.running

    async def send(self, data):
        while self._stream is None:  # expect: CON404
            await asyncio.sleep(0.05)
        self._stream[1].write(data)

    async def started(self):
        while self.phase == Phase.starting:  # expect: CON404
            await asyncio.sleep(0.01)

    async def drain(self):
        while self.pending and not shutting_down: await asyncio.sleep(0)  # expect: CON404

    async def wait_for_file(self, path):
        # The state is outside the program: no event to wait on.
        while not os.path.exists(path):
            await asyncio.sleep(0.1)

    async def wait_with_deadline(self, timeout):
        # The body counts down a timeout as well.
        while self._stream is None:
            await asyncio.sleep(0.1)
            timeout -= 0.1
            if timeout <= 0:
                raise TimeoutError

    async def wait_until(self, deadline):
        # A timer, not a flag.
        while time.monotonic() < deadline:
            await asyncio.sleep(1)

    async def acknowledged(self, ack, timeout):
        # A flag with a time limit: an event waited on with a timeout.
        started = time.time()
        while ack.response is None and time.time() - started <= timeout:  # expect: CON404
            await asyncio.sleep(0.01)

    async def ready_or_late(self, loop, deadline):
        # `or` binds looser: not a flag with a deadline.
        while self._stream is None or loop.time() < deadline:
            await asyncio.sleep(0.1)

    async def keep_alive(self):
        # Sleeping forever, or periodic work: CON401's business.
        while True:
            await asyncio.sleep(3600)

    async def countdown(self, rounds):
        # Only its own locals: nothing else can change them.
        while rounds:
            await asyncio.sleep(1)


async def wait_for_shutdown():
    global shutting_down
    while not shutting_down:  # expect: CON404
        await trio.sleep(1)


def watcher(runner):
    while runner.user_count != runner.target_user_count:  # expect: CON404
        gevent.sleep(0.01)


def blocking_watcher(runner):
    # A thread's poll: not a loop's task.
    while runner.user_count:
        time.sleep(0.5)


async def test_connection_opens():
    connection = Connection()
    asyncio.ensure_future(connection.open("localhost", 8080))
    while connection._stream is None:
        await asyncio.sleep(0.01)


async def observe(worker_started):
    stop = threading.Event()
    worker_started(stop)
    while not stop.is_set():  # expect: CON404
        await asyncio.sleep(0.2)


async def gather_workers(pool, wanted):
    while len(pool.workers) < wanted:  # expect: CON404
        await asyncio.sleep(0.5)


async def wait_for_keys(scheduler, keys):
    # `keys` is the coroutine's own; the scheduler's `tasks` change under it.
    wanted = set(keys)
    while not wanted.issubset(scheduler.tasks):  # expect: CON404
        await asyncio.sleep(0.05)


async def wait_for_listed(names, listed):
    # Near miss: the condition also calls `sorted`.
    while not set(names).issubset(sorted(listed)):
        await asyncio.sleep(0.05)


def parent():
    done = False

    async def finish():
        nonlocal done
        done = True

    async def wait():
        while not done:  # expect: CON404
            await asyncio.sleep(0.2)

    return finish, wait
