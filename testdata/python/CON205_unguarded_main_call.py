"""A script that calls its main function on its last line, with no guard around it."""
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Process


def square(n):
    return n * n


def crunch(numbers):
    with ProcessPoolExecutor() as pool:
        return list(pool.map(square, numbers))  # expect: CON303


def announce():
    Process(target=print, args=("starting",)).start()


def main():
    announce()
    print(crunch(range(10)))


def describe():
    # Near miss: module-level code may call what starts no process.
    return square(3)


def checked_square(n):
    # Near miss: a process starts only on the way to raising, which an import does not take.
    if not isinstance(n, int):
        crunch([0])
        raise TypeError(f"not an integer: {n!r}")
    return square(n)


print(describe())
print(checked_square(4))
main()  # expect: CON205
