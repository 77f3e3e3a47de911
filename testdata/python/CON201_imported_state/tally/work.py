"""Threads that update another module's state through its imports."""
import threading

import tally.state

from . import state
from .state import counts, pending, seen
from .stats import stats


def make_batches(words):
    return [words[i:i + 10] for i in range(0, len(words), 10)]


def count(words):
    stats.record_batch()
    for word in words:
        counts[word] = counts.get(word, 0) + 1  # expect: CON201
        state.total += 1  # expect: CON201
        tally.state.words_seen += 1  # expect: CON201
        if word not in seen:
            seen.add(word)  # expect: CON201
        if len(pending) < state.limit:
            pending.append(word)


def local_tally(words):
    # Rebinding the imported name makes a local of this function: no shared state.
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    return counts


def main(words):
    threads = [threading.Thread(target=count, args=(batch,)) for batch in make_batches(words)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(state.total, len(counts), local_tally(words))
