# A test suite's coroutines: a call under `pytest.raises` (or `assertRaises`) is
# expected to fail at once, before it could block (trio's tests of calls made
# from the wrong thread); the same kind of call outside one blocks the event loop,
# and so does one in a block that awaits, whose exception may come from the await.
import asyncio
import queue
import time
import unittest

import pytest


async def test_refuses_from_the_loop_thread(jobs: queue.Queue):
    with pytest.raises(RuntimeError, match="loop thread"):
        jobs.get()
    time.sleep(0.1)  # expect: CON402


class LoopTests(unittest.IsolatedAsyncioTestCase):
    async def test_timeout(self):
        with self.assertRaises(TimeoutError):
            time.sleep(5)

    async def test_timeout_of_a_busy_loop(self):
        with self.assertRaises(TimeoutError):
            async with asyncio.timeout(0.01):
                time.sleep(0.1)  # expect: CON402
                await asyncio.sleep(1)
