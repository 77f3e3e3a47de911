"""Tasks pickle cannot send although they look like plain functions: what a factory
returns, and a function a decorator replaces with its nested wrapper."""
import functools
import time
from multiprocessing import Pool


def timed(func):
    def wrapper(*args):
        start = time.time()
        result = func(*args)
        print(time.time() - start)
        return result
    return wrapper


def logged(func):
    @functools.wraps(func)
    def wrapper(*args):
        print(func.__name__)
        return func(*args)
    return wrapper


def retry(times):
    def decorate(func):
        def attempt(*args):
            for _ in range(times):
                try:
                    return func(*args)
                except OSError:
                    pass
        return attempt
    return decorate


def make_worker(scale):
    def work(x):
        return x * scale
    return work


def make_adder(n):
    return lambda x: x + n


def scaled(factor, x):
    return factor * x


@timed
def square(x):
    return x * x


@logged
def cube(x):
    return x ** 3


@retry(3)
def fetch(x):
    return x


def main():
    with Pool() as pool:
        pool.map(square, range(10))  # expect: CON204
        pool.map(cube, range(10))  # functools.wraps: pickle finds the wrapper as `cube`
        pool.map(fetch, range(10))  # expect: CON204
        pool.map(make_worker(2), range(10))  # expect: CON204
        pool.map(make_adder(2), range(10))  # expect: CON204
        pool.map(functools.partial(scaled, 2), range(10))


if __name__ == "__main__":
    main()
