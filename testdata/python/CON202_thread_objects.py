"""A thread's lock, event or queue, made by the module and used in child processes: each
process has its own copy, whatever the start method."""
import multiprocessing
import queue
import threading

results = queue.Queue()
stop = threading.Event()
finished = threading.Event()
print_lock = threading.Lock()
cache_lock = threading.Lock()
barrier = threading.Barrier(4)
_squares = {}


def square(n):
    results.put(n * n)  # expect: CON202


def poll():
    rounds = 0
    while not stop.is_set():  # expect: CON202
        rounds += sum(i * i for i in range(10_000))
    finished.set()  # expect: CON202
    return rounds


def report(n):
    with print_lock:  # expect: CON202
        print("worker", n, cached_square(n))


def meet(n):
    barrier.wait()  # expect: CON202
    return n


def cached_square(n):
    # A helper's lock guards the threads of whichever process runs it.
    with cache_lock:
        return _squares.setdefault(n, n * n)


def serve(n):
    # The child starts threads of its own, which the lock keeps apart.
    with print_lock:
        print("serving", n)
    threads = [threading.Thread(target=cached_square, args=(i,)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def collect(n):
    # A queue the child fills and empties itself never leaves it.
    local = queue.Queue()
    local.put(n)
    return local.get()


def main():
    poller = multiprocessing.Process(target=poll)
    poller.start()
    workers = [multiprocessing.Process(target=square, args=(i,)) for i in range(4)]
    workers += [multiprocessing.Process(target=report, args=(i,)) for i in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    with multiprocessing.Pool(4) as pool:
        print(pool.map(meet, range(4)), pool.map(collect, range(4)))
    server = multiprocessing.Process(target=serve, args=(1,))
    server.start()
    server.join()
    while not results.empty():
        print(results.get())
    stop.set()
    finished.wait(5)
    poller.join()


if __name__ == "__main__":
    main()
