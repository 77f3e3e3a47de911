"""Typed job queues drained by generic worker threads, in Python 3.12's type-parameter syntax."""
import threading
from collections.abc import Callable

type Handler[T] = Callable[[T], None]

processed = 0
failures = 0
failures_lock = threading.Lock()


def drain[T](items: list[T], handle: Handler[T]) -> int:
    done = 0
    for item in items:
        handle(item)
        done += 1
    return done


class Drainer[T](threading.Thread):
    def __init__(self, items: list[T], handle: Handler[T]) -> None:
        super().__init__(daemon=True)
        self.items = items
        self.handle = handle

    def run(self) -> None:
        global processed, failures
        try:
            processed += drain(self.items, self.handle)  # expect: CON201
        except ValueError:
            with failures_lock:
                failures += 1


def main() -> None:
    workers = [Drainer(batch, print) for batch in ([1, 2], [3, 4])]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(processed, failures)


if __name__ == "__main__":
    main()
