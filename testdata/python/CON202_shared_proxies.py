"""Children write through a Manager proxy and a shared memory block: shared on purpose."""
import multiprocessing
from multiprocessing import shared_memory

block = shared_memory.SharedMemory(create=True, size=64)


def fill(n):
    for i in range(n):
        block.buf[i % 64] = (block.buf[i % 64] + i) % 256
    shared_index[n] = n


def run():
    workers = [multiprocessing.Process(target=fill, args=(n * 8,)) for n in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(bytes(block.buf[:8]), dict(shared_index))


if __name__ == "__main__":
    manager = multiprocessing.Manager()
    shared_index = manager.dict()
    run()
