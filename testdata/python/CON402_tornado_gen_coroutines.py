"""Tornado generator coroutines, run with `IOLoop.run_sync`: a blocking call stalls the IOLoop as in `async def`."""
import subprocess
import time

from tornado import gen, ioloop


class Arbiter:
    @gen.coroutine
    def reload(self):
        yield gen.sleep(0.1)
        time.sleep(2)  # expect: CON402

    @gen.coroutine
    def restart(self, name):
        yield self.reload()
        subprocess.run(["systemctl", "restart", name], check=True)  # expect: CON402

    @gen.coroutine
    def start(self):
        yield self.restart("worker")


def main():
    ioloop.IOLoop.current().run_sync(Arbiter().start)


if __name__ == "__main__":
    main()
