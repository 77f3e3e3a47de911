"""Tasks, and a library module that creates a pool when imported."""
from concurrent.futures import ProcessPoolExecutor


def square(n):
    return n * n


EXECUTOR = ProcessPoolExecutor()  # expect: CON205
