"""A thread class, exported through the package by its star import."""
import threading


class Cruncher(threading.Thread):
    """Counts the primes below its limit."""

    def __init__(self, limit):
        super().__init__(daemon=True)
        self.limit = limit
        self.primes = 0

    def run(self):
        for candidate in range(2, self.limit):
            divisor = 2
            while divisor * divisor <= candidate and candidate % divisor:
                divisor += 1
            self.primes += divisor * divisor > candidate


def _helper():
    return 0
