"""Threads that take work from a shared list until it is empty."""
import threading

pending = list(range(1000))
done = []
seats = {"a1": None, "a2": None}
seats_lock = threading.Lock()


def drain():
    # Two threads can both find one item left; the second `pop()` raises IndexError.
    while pending:
        done.append(pending.pop())  # expect: CON201


def book_all():
    while seats:
        with seats_lock:
            if seats:
                seats.popitem()


def main():
    workers = [threading.Thread(target=drain) for _ in range(4)]
    workers += [threading.Thread(target=book_all) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(len(done))


if __name__ == "__main__":
    main()
