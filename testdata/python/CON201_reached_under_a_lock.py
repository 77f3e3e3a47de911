"""Worker threads call the helpers that update the counters with the lock held;
the API function other modules call without it is not the threads' doing."""
import threading

lock = threading.Lock()
remembered = 0
forgotten = 0


def remember(key):
    global remembered
    remembered += 1
    return key


def forget(key):
    global forgotten
    forgotten += 1  # expect: CON201
    return key


def worker(keys):
    for key in keys:
        with lock:
            remember(key)
        forget(key)
        with lock:
            forget(key)


def warm(keys):
    for key in keys:
        remember(key)


def main():
    threads = [threading.Thread(target=worker, args=(range(10),)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


if __name__ == "__main__":
    main()
