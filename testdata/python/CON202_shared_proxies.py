"""Children write through a Manager proxy and a shared memory block: shared on purpose."""
import multiprocessing
from multiprocessing import shared_memory

block = shared_memory.SharedMemory(create=True, size=64)


def fill(n):
    for i in range(n):
        block.buf[i % 64] = (block.buf[i % 64] + i) % 256
    shared_index[n] = n
    shared_log.append(n)


def run(rounds):
    workers = [multiprocessing.Process(target=fill, args=(n,)) for n in range(rounds)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(bytes(block.buf[:8]), dict(shared_index), list(shared_log))


if __name__ == "__main__":
    manager = multiprocessing.Manager()
    shared_index = manager.dict()
    shared_log = manager.list()
    run(4)
