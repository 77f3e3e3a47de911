"""A word counter that keeps its tally in a module global and runs on a pool of interpreters."""
from concurrent.futures import InterpreterPoolExecutor

seen_words = 0


def count_words(text):
    global seen_words
    words = len(text.split())
    seen_words += words  # expect: CON202
    return words


def count_all(texts):
    with InterpreterPoolExecutor() as pool:
        counts = list(pool.map(count_words, texts))
    return counts, seen_words
