# pathos's `multiprocess` and Celery's `billiard` keep multiprocessing's API:
# a pool made at import time starts its workers when a spawned child imports
# this module again.
import billiard
from multiprocess import Pool

workers = Pool(4)  # expect: CON205
helpers = billiard.Pool(2)  # expect: CON205


def square(value):
    return value * value
