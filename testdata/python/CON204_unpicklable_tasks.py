"""An image job that hands processes callables pickle cannot send."""
import functools
import multiprocessing
import multiprocessing as mp
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import Pool, Process


def scale(x, factor):
    return x * factor


class Thumbnailer:
    def __init__(self, size):
        self.size = size

    def shrink(self, path):
        return path, self.size

    def run_all(self, paths):
        with ProcessPoolExecutor() as pool:
            return list(pool.map(self.shrink, paths))  # expect: CON303


def resize_all(paths, factor):
    def resize(path):
        return path, factor

    class Job:
        def __init__(self, path):
            self.path = path

        def execute(self):
            return self.path

    with Pool() as pool:
        scaled = pool.map(lambda x: x * factor, range(10))  # expect: CON204
        resized = pool.map(resize, paths)  # expect: CON204
        pool.apply_async(functools.partial(resize, paths[0]))  # expect: CON204
    with ProcessPoolExecutor(max_workers=4) as executor:
        executor.submit(resize, paths[0])  # expect: CON204
        job = Job(paths[0])
        executor.submit(job.execute)  # expect: CON204
    watcher = mp.Process(target=lambda: print("watching"))  # expect: CON204
    watcher.start()
    return scaled, resized


def local_process_class():
    class Worker(multiprocessing.Process):
        def run(self):
            print("working")

    worker = Worker()  # expect: CON204
    worker.start()


# Near misses: module-level functions, partials of them, bound methods of
# module-level classes, threads (which pickle nothing) and the fork start method.

def correct(paths, factor):
    with Pool() as pool:
        pool.map(functools.partial(scale, factor=factor), range(10))
        pool.starmap(scale, [(1, 2)])
    Thumbnailer(64).run_all(paths)
    with ProcessPoolExecutor() as executor:
        executor.submit(scale, 3, factor)
    Process(target=scale, args=(1, 2)).start()


def threads_pickle_nothing(paths):
    def resize(path):
        return path

    with ThreadPoolExecutor() as pool:
        pool.map(lambda p: p.upper(), paths)
        pool.map(resize, paths)
    threading.Thread(target=lambda: print("hi")).start()


def forked_child(factor):
    def report():
        print(factor)

    ctx = multiprocessing.get_context("fork")
    child = ctx.Process(target=report)
    child.start()
    child.join()


if __name__ == "__main__":
    resize_all(["a.png"], 2)
