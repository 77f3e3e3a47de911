"""Trial division, the CPU-bound example of the `concurrent.futures` documentation,
run on threads: each loop counts up to the square root of the number handed to it."""
import math
from concurrent.futures import ThreadPoolExecutor

PRIMES = [
    112272535095293,
    112582705942171,
    115280095190773,
    1099726899285419]
SMALL_PRIMES = [97, 89, 83]


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    sqrt_n = int(math.floor(math.sqrt(n)))
    for i in range(3, sqrt_n + 1, 2):
        if n % i == 0:
            return False
    return True


def smallest_factor(n):
    # An open-ended `while` doing arithmetic: CPU-bound whatever it is handed.
    i = 2
    while i * i <= n:
        if n % i == 0:
            return i
        i += 1
    return n


def divisor_count(n):
    return sum(1 for d in range(1, int(n ** 0.5) + 1) if n % d == 0)


def below_root(n):
    limit = math.isqrt(n)
    found = 0
    for i in range(limit):
        found += i % 3 == 0
    return found


def main():
    with ThreadPoolExecutor() as executor:
        for number, prime in zip(PRIMES, executor.map(is_prime, PRIMES)):  # expect: CON101
            print(number, prime)
        print(list(executor.map(is_prime, SMALL_PRIMES)))  # ten passes at most
        executor.submit(smallest_factor, 10**14)  # expect: CON101
        executor.submit(divisor_count, 10**12)  # expect: CON101
        executor.submit(below_root, 10**14)  # expect: CON101


if __name__ == "__main__":
    main()
