"""`python -m pkg` runs this file as __main__; spawn's children never import it again."""
from multiprocessing import Pool

from .tasks import square

with Pool(2) as pool:
    print(pool.map(square, range(10)))
