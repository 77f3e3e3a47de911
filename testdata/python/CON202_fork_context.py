"""A program that starts its children from a `fork` context: they inherit the module's lock."""
import multiprocessing

lock = multiprocessing.Lock()


def work(i):
    with lock:
        print(i)


if __name__ == "__main__":
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=work, args=(i,)) for i in range(4)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
