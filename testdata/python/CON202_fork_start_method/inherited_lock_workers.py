"""Started by main.py, which sets the fork start method: the lock is inherited."""
import multiprocessing

lock = multiprocessing.Lock()


def work(i):
    with lock:
        print(i)


def run():
    processes = [multiprocessing.Process(target=work, args=(i,)) for i in range(4)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
