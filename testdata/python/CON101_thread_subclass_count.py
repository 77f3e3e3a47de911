"""Thread subclasses whose run loop counts to what their construction stores in an attribute."""
import threading


class SquareSummer(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.result = 0

    def run(self):
        for i in range(self.n):
            self.result += i ** 2


class CountDown(threading.Thread):
    """David Beazley's GIL example, as a subclass."""

    def __init__(self, count: int):
        super().__init__()
        self.count = count

    def run(self):
        while self.count > 0:
            self.count -= 1


def main():
    summers = [SquareSummer(10**7) for _ in range(4)]  # expect: CON101
    summers.append(SquareSummer(10))  # A handful of passes: nothing to spread.
    countdowns = [CountDown(count=50_000_000), CountDown(100)]  # expect: CON101
    for thread in summers + countdowns:
        thread.start()
    for thread in summers + countdowns:
        thread.join()


if __name__ == "__main__":
    main()
