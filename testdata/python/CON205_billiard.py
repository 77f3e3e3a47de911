# Celery's `billiard` keeps multiprocessing's API: a pool made at import time
# starts its workers when a spawned child imports this module again. pathos's
# `multiprocess` pickles with dill and is left alone.
import billiard
from billiard import Pool

workers = Pool(4)  # expect: CON205
helpers = billiard.Pool(2)  # expect: CON205


def square(value):
    return value * value
