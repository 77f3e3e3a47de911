"""Two number crunchers started from a tuple of functions, the way tutorials loop over them."""
import threading


def count_primes(limit):
    count = 0
    for n in range(2, limit):
        for d in range(2, n):
            if n % d == 0:
                break
        else:
            count += 1
    return count


def sum_of_squares(limit):
    total = 0
    for n in range(limit):
        total += n * n % 1_000_003
    return total


def main():
    threads = []
    for job in (count_primes, sum_of_squares):
        thread = threading.Thread(target=job, args=(50_000,))  # expect: CON101, CON101
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()


if __name__ == "__main__":
    main()
