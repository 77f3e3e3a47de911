"""A report builder that names its lambdas before handing them to processes."""
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

normalise = lambda row: [value / 100 for value in row]


def double(x):
    return 2 * x


def build(rows):
    square = lambda x: x * x
    with ProcessPoolExecutor() as pool:
        squares = list(pool.map(square, range(10)))  # expect: CON204
        normalised = list(pool.map(normalise, rows))  # expect: CON204
    return squares, normalised


def build_later(rows):
    shift = lambda x: x + 1

    def run():
        with multiprocessing.Pool() as pool:
            return pool.map(shift, rows)  # expect: CON204

    return run()


# Near misses: a name bound to a lambda and then to a module-level function, and a
# module-level lambda that a local name shadows.

def rebound(rows):
    task = lambda x: x
    task = double
    normalise = double
    with multiprocessing.Pool() as pool:
        return pool.map(task, rows), pool.map(normalise, rows)


if __name__ == "__main__":
    print(build([[1, 2]]), build_later([3]), rebound([4]))
