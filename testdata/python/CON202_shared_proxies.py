"""Children write through a Manager proxy and a shared memory block: shared on purpose."""
import multiprocessing
from multiprocessing import shared_memory



def fill(n, block, shared_index):
    # Each child writes its own eight bytes: no two touch the same one.
    for i in range(8):
        block.buf[n + i] = i
    shared_index[n] = n


def run(manager):
    block = shared_memory.SharedMemory(create=True, size=64)
    shared_index = manager.dict()
    workers = [multiprocessing.Process(target=fill, args=(n * 8, block, shared_index)) for n in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(bytes(block.buf[:8]), dict(shared_index))


if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        run(manager)
