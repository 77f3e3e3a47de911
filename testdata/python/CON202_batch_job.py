"""A batch job moved from threads to processes: its globals no longer add up."""
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor

results = []
processed = 0
longest = {}
primes_found = set()


def count_primes(limit):
    count = 0
    for n in range(2, limit):
        divisor = 2
        while divisor * divisor <= n and n % divisor:
            divisor += 1
        if divisor * divisor > n:
            count += 1
    results.append((limit, count))  # expect: CON202
    return count


def collatz(start):
    global processed
    steps = 0
    n = start
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    processed += 1  # expect: CON202
    if start not in longest:
        longest[start] = steps  # expect: CON202
    return steps


class Sieve(mp.Process):
    def __init__(self, limit):
        super().__init__()
        self.limit = limit

    def run(self):
        flags = [True] * self.limit
        for i in range(2, self.limit):
            if flags[i]:
                primes_found.add(i)  # expect: CON202
                for j in range(i * i, self.limit, i):
                    flags[j] = False


def main():
    with mp.Pool(4) as pool:
        pool.map(count_primes, [10_000, 20_000, 40_000])
    with ProcessPoolExecutor(max_workers=4) as ex:
        futures = [ex.submit(collatz, n) for n in range(1, 1000)]
        steps = [f.result() for f in futures]
    sieve = Sieve(100_000)
    sieve.start()
    sieve.join()
    print(results, processed, max(steps), len(longest), len(primes_found))


if __name__ == "__main__":
    main()
