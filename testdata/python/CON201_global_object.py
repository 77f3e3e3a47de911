"""Threads that call methods of one module-level object: a counter, a bank account."""
import threading


class Counter:
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()

    def increment(self):
        self.value += 1  # expect: CON201

    def increment_safely(self):
        with self.lock:
            self.value += 1


class Account:
    def __init__(self, balance):
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount  # expect: CON201

    def withdraw(self, amount):
        if self.balance >= amount:
            self._take(amount)

    def _take(self, amount):
        self.balance = self.balance - amount  # expect: CON201


class Gauge:
    def __init__(self):
        self.level = 0

    def raise_level(self):
        self.level += 1


counter = Counter()
safe_counter = Counter()
account = Account(100)
gauge = Gauge()
gauge_lock = threading.Lock()


def count():
    for _ in range(100_000):
        counter.increment()
        safe_counter.increment_safely()


def save():
    for _ in range(1_000):
        account.deposit(10)


def spend():
    for _ in range(1_000):
        account.withdraw(10)


def measure():
    # Every call holds the module's lock.
    with gauge_lock:
        gauge.raise_level()


def own_counter():
    # An object of its own in each thread: nothing is shared.
    mine = Counter()
    mine.increment()


if __name__ == "__main__":
    threads = [threading.Thread(target=count) for _ in range(4)]
    threads += [threading.Thread(target=save), threading.Thread(target=spend)]
    threads += [threading.Thread(target=measure) for _ in range(4)]
    threads += [threading.Thread(target=own_counter) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
