"""A task that is an instance runs its `__call__`: one that only waits on a child program
needs no process, one that computes needs no thread."""
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


class Builder:
    def __init__(self, source):
        self.source = source

    def __call__(self):
        subprocess.run([sys.executable, "-m", "sphinx", "build", self.source, "_build"], check=True)


class Checksum:
    def __init__(self, blocks):
        self.blocks = blocks

    def __call__(self):
        total = 0
        for block in self.blocks:
            for byte in block:
                total = (total * 31 + byte) % 65521
        return total


def rebuild(source, blocks):
    with ProcessPoolExecutor() as pool:
        pool.submit(Builder(source)).result()  # expect: CON102
        pool.submit(Checksum(blocks)).result()
    with ThreadPoolExecutor() as pool:
        pool.submit(Builder(source)).result()
        pool.submit(Checksum(blocks)).result()  # expect: CON101


if __name__ == "__main__":
    rebuild("docs", [b"abc"])
