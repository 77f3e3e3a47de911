"""A batch script written top to bottom, with no main guard around its processes."""
import multiprocessing
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Manager, Pool, Process


def square(n):
    return n * n


def report(n):
    print(n)


pool = multiprocessing.Pool(4)  # expect: CON205
results = pool.map(square, range(10))
pool.close()
executor = ProcessPoolExecutor(max_workers=2)  # expect: CON205
futures = [executor.submit(square, n) for n in range(4)]  # expect: CON303
shared = Manager()  # expect: CON205
spawn_pool = mp.get_context("spawn").Pool()  # expect: CON205

reporter = mp.Process(target=report, args=(1,))  # expect: CON205
reporter.start()
Process(target=report, args=(2,)).start()  # expect: CON205
multiprocessing.Process(target=report, args=("a long argument list",), daemon=True).start()  # expect: CON205
workers = [Process(target=report, args=(n,)) for n in range(3)]  # expect: CON205
for worker in workers:
    worker.start()

# Created at module level but started only under the guard: importing it again starts nothing.
standby = Process(target=report, args=(3,))


def run_batch():
    with Pool() as inner:
        return inner.map(square, range(100))


class Batch:
    def run(self):
        with ProcessPoolExecutor() as inner:
            return list(inner.map(square, range(4)))  # expect: CON303


if __name__ == "__main__":
    with Pool(2) as guarded:
        print(guarded.map(square, range(5)))
    standby.start()
    main_process = Process(target=report, args=(4,))
    main_process.start()
