"""A report script that runs its scoring on a pool of interpreters (Python 3.14)."""
import math
import threading
from concurrent.futures import InterpreterPoolExecutor

from scoring import weigh


def score(text):
    return sum(ord(ch) for ch in text) % 97


def score_batch(texts):
    # Imported as `report`, this module's `score` pickles as `report.score`: fine.
    with InterpreterPoolExecutor() as pool:
        return list(pool.map(score, texts))


def main(texts):
    def shout(text):
        return text.upper()

    lock = threading.Lock()
    with InterpreterPoolExecutor(max_workers=4) as pool:
        scores = list(pool.map(score, texts))  # expect: CON204
        loud = list(pool.map(shout, texts))  # expect: CON204
        sizes = pool.submit(lambda: len(texts)).result()  # expect: CON204
        held = pool.submit(weigh, texts[0], lock).result()  # expect: CON204
        roots = list(pool.map(math.isqrt, range(100)))
        weights = list(pool.map(weigh, texts))
    return scores, loud, sizes, held, roots, weights


if __name__ == "__main__":
    print(main(["alpha", "beta"]))
