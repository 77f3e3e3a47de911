"""Helpers callable from any thread: they wait only when called off the loop's own thread."""
import asyncio
import threading
import time


class Client:
    def __init__(self, loop):
        self.loop = loop

    def close(self):
        if self.loop._thread_id == threading.get_ident():
            self._teardown()
            return
        done = threading.Event()
        self.loop.call_soon_threadsafe(lambda: (self._teardown(), done.set()))
        done.wait(timeout=6)

    def flush(self):
        if self.loop._thread_id != threading.get_ident():
            time.sleep(0.5)
        self._teardown()

    def drain(self):
        # Not a test of the loop's thread: it still waits on the loop.
        if self.loop.is_running():
            time.sleep(0.5)

    def _teardown(self):
        pass


async def main():
    client = Client(asyncio.get_running_loop())
    client.close()
    client.flush()
    client.drain()  # expect: CON402


if __name__ == "__main__":
    asyncio.run(main())
