"""A second program of the folder, which leaves the start method alone."""
import multiprocessing

lock = multiprocessing.Lock()


def work(i):
    with lock:  # expect: CON202
        print(i)


if __name__ == "__main__":
    processes = [multiprocessing.Process(target=work, args=(i,)) for i in range(4)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
