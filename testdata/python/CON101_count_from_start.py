"""Loops whose length the start decides: the classic GIL demonstrations, where the
work is a count handed to the thread (`args=(10**7,)`), not written in the loop."""
import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.pool import ThreadPool


def countdown(n):
    while n > 0:
        n -= 1


def sum_squares(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def multiples_of_seven(limit):
    found = 0
    for i in range(1, limit):
        found += i % 7 == 0
    return found


def window_sum(start, stop):
    # Runs `stop - start` times: the stop alone does not tell how long.
    total = 0
    for i in range(start, stop):
        total += i
    return total


def sum_of_squares(number):
    return sum(i * i for i in range(number))


def report_each(n):
    # Prints on every pass: the console, not arithmetic, sets its pace.
    for i in range(n):
        print(i + 1)


class Simulation:
    def step(self, rounds):
        energy = 0
        while rounds > 0:
            energy += rounds
            rounds -= 1
        return energy

    @staticmethod
    def relax(rounds):
        energy = 0
        for step in range(rounds):
            energy += step * step
        return energy


def main(size):
    threading.Thread(target=countdown, args=(10_000_000,)).start()  # expect: CON101
    threading.Thread(target=sum_squares, args=[2**20]).start()  # expect: CON101
    threading.Thread(target=countdown, args=(100,)).start()  # a hundred passes are over at once
    threading.Thread(target=countdown, args=(size,)).start()  # a count not written here
    threading.Thread(target=report_each, args=(1_000_000,)).start()
    with ThreadPoolExecutor() as pool:
        pool.submit(multiples_of_seven, 5_000_000)  # expect: CON101
        pool.submit(window_sum, 4_999_990, 5_000_000)
        pool.submit(Simulation().step, 10**6)  # expect: CON101
        pool.submit(Simulation.relax, 10**6)  # expect: CON101
        list(pool.map(sum_of_squares, [5_000_000, 6_000_000]))  # expect: CON101
        list(pool.map(sum_of_squares, [5_000_000, 10]))  # one task of ten passes
        list(pool.map(sum_of_squares, range(1_000_000, 1_000_008)))  # expect: CON101
        list(pool.map(sum_of_squares, range(1_000_000)))  # most tasks are short
    with ThreadPool(4) as pool:
        pool.apply_async(sum_squares, (1_000_000,))  # expect: CON101
    asyncio.run(asyncio.to_thread(sum_squares, 200_000))  # expect: CON101


if __name__ == "__main__":
    main(1000)
