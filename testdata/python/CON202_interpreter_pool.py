"""A word counter that keeps its tally in a module global and runs on a pool of interpreters."""
import threading
from concurrent.futures import InterpreterPoolExecutor

seen_words = 0
log_lock = threading.Lock()


def count_words(text):
    global seen_words
    words = len(text.split())
    seen_words += words  # expect: CON202
    return words


def log_words(path, text):
    # Switched from a ThreadPoolExecutor: every interpreter has a lock of its own.
    with log_lock:  # expect: CON202
        with open(path, "a") as log:
            log.write(text + "\n")


def log_all(path, texts):
    with InterpreterPoolExecutor() as pool:
        for text in texts:
            pool.submit(log_words, path, text)


def count_all(texts):
    with InterpreterPoolExecutor() as pool:
        counts = list(pool.map(count_words, texts))
    return counts, seen_words
