"""Locals that nested functions share through `nonlocal`: every closure of one call
updates the same variable, so threads running those closures race on it."""
import threading


def count_in_threads(workers):
    count = 0
    done = 0
    lock = threading.Lock()

    def work():
        nonlocal count, done
        for _ in range(1000):
            count += 1  # expect: CON201
        with lock:
            done += 1

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return count, done


def one_helper_thread():
    progress = 0

    def step():
        # A single thread, joined before the function reads its result.
        nonlocal progress
        progress += 1

    helper = threading.Thread(target=step)
    helper.start()
    helper.join()
    return progress


def per_call_locals(items):
    # `total` is this call's own: each thread running `per_call_locals` has one.
    total = 0
    for item in items:
        total += item
    return total


if __name__ == "__main__":
    print(count_in_threads(8), one_helper_thread())
    for _ in range(4):
        threading.Thread(target=per_call_locals, args=([1, 2],)).start()
