"""Process pools sent one small task per item: marshaling costs more than the work."""
import hashlib
import math
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool


def square(x):
    return x * x


def distance(point):
    return math.sqrt(point[0] ** 2 + point[1] ** 2)


def digest(block):
    return hashlib.sha256(block).hexdigest()


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def one_item_per_task(numbers, points):
    with ProcessPoolExecutor() as executor:
        squares = list(executor.map(square, numbers))  # expect: CON303
        futures = [executor.submit(square, n) for n in numbers]  # expect: CON303
    with Pool() as pool:
        distances = list(pool.imap(distance, points))  # expect: CON303
        unordered = list(pool.imap_unordered(distance, points, 1))  # expect: CON303
    return squares, futures, distances, unordered


def batched_or_heavy(numbers, points, blocks):
    with ProcessPoolExecutor() as executor:
        squares = list(executor.map(square, numbers, chunksize=10_000))
        sized = list(executor.map(square, numbers, chunksize=max(1, len(numbers) // 8)))
        steps = list(executor.map(collatz_steps, numbers))
        digests = list(executor.map(digest, blocks))
    with Pool() as pool:
        # Pool.map cuts the items into chunks itself.
        distances = pool.map(distance, points)
        batched = list(pool.imap(distance, points, chunksize=512))
    return squares, sized, steps, digests, distances, batched


if __name__ == "__main__":
    one_item_per_task(range(1000), [(3, 4)] * 1000)
    batched_or_heavy(range(1000), [(3, 4)] * 1000, [b"x"] * 10)
