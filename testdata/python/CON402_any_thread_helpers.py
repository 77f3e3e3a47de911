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

    def shutdown(self):
        loop_thread = getattr(self.loop, "_thread_id", None)
        same_thread = loop_thread is not None and loop_thread == threading.get_ident()
        if same_thread:
            self._teardown()
            return
        time.sleep(0.5)

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
    client.shutdown()
    client.drain()  # expect: CON402


if __name__ == "__main__":
    asyncio.run(main())
