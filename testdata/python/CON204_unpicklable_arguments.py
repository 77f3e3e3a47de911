"""A log indexer that sends its workers what only one process can hold."""
import multiprocessing
import sqlite3
import threading
from concurrent.futures import ProcessPoolExecutor

progress_lock = threading.Lock()


def index(source, lock, results):
    with lock:
        results.put(len(source))


def index_all(paths):
    results = multiprocessing.Queue()
    db = sqlite3.connect("index.db")
    with ProcessPoolExecutor() as pool:
        pool.submit(index, paths[0], progress_lock, results)  # expect: CON204
        pool.submit(index, db, None, None)  # expect: CON204
    with open(paths[0]) as log, multiprocessing.Pool() as workers:
        workers.apply_async(index, args=(log, None, None))  # expect: CON204
        workers.apply_async(index, (paths[0], multiprocessing.Lock(), results))  # expect: CON204
        workers.starmap(index, [(path, progress_lock, None) for path in paths])  # expect: CON204
    checker = multiprocessing.Process(target=index, args=(paths[0], progress_lock, results))  # expect: CON204
    checker.start()


# Near misses: a child inherits multiprocessing's own queues and locks when it is
# created; a manager's proxies pickle; a name inside a string is no argument.

def index_right(paths):
    results = multiprocessing.Queue()
    lock = multiprocessing.Lock()
    multiprocessing.Process(target=index, args=(paths[0], lock, results)).start()
    manager = multiprocessing.Manager()
    shared_lock = manager.Lock()
    shared_results = manager.Queue()
    with multiprocessing.Pool(initializer=print, initargs=(lock,)) as workers:
        workers.apply_async(index, (paths[0], shared_lock, shared_results))
        workers.apply_async(index, ("progress_lock", shared_lock, shared_results))
    with open(paths[0]) as lines, multiprocessing.Pool() as workers:
        # The pool sends the file's lines, not the file.
        workers.map(print, lines)


if __name__ == "__main__":
    index_all(["a.log"])
    index_right(["b.log"])
