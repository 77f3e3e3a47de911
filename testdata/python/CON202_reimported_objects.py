"""multiprocessing objects the module makes, used by their global names in the children."""
import multiprocessing

lock = multiprocessing.Lock()
counter = multiprocessing.Value("i", 0)
results = multiprocessing.Queue()


def work(i):
    with lock:  # expect: CON202
        print(i)
    with counter.get_lock():  # expect: CON202
        counter.value += 1
    results.put(i)  # expect: CON202
    log(i)


def log(i):
    # Made in the `__main__` block: a spawned child has no `journal` at all.
    journal.put(i)  # expect: CON202


def scale(n):
    # `factors` is set only in the `__main__` block.
    return n * factors["scale"]  # expect: CON202


def init(shared):
    global guard
    guard = shared


def task(x):
    # The pool's initializer hands every worker the parent's lock.
    with guard:
        return x * 2


if __name__ == "__main__":
    journal = multiprocessing.Queue()
    guard = multiprocessing.Lock()
    factors = {"scale": 3}
    processes = [multiprocessing.Process(target=work, args=(i,)) for i in range(4)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    with multiprocessing.Pool(2, initializer=init, initargs=(guard,)) as pool:
        print(pool.map(task, range(4)), pool.map(scale, range(4)), counter.value, results.get())
