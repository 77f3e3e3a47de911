"""Three shared objects and the message-passing primitives beside them stay under the threshold."""
import multiprocessing as mp


def count_words(lines, total, longest, done, queue, lock):
    for line in lines:
        words = len(line.split())
        with total.get_lock():
            total.value += words
        with lock:
            longest.value = max(longest.value, words)
        queue.put(words)
    done.set()


def main(lines):
    total = mp.Value("i", 0)
    longest = mp.Value("i", 0)
    histogram = mp.Array("i", 32)
    done = mp.Event()
    queue = mp.Queue()
    lock = mp.Lock()
    worker = mp.Process(target=count_words, args=(lines, total, longest, done, queue, lock))
    worker.start()
    worker.join()
    return total.value, longest.value, list(histogram)


def test_shared_counters():
    counters = [mp.Value("i", 0) for _ in range(4)]
    flags = mp.Array("b", 4)
    table = mp.Manager().dict()
    buffer = mp.RawArray("d", 16)
    assert counters and flags and table is not None and buffer


if __name__ == "__main__":
    print(main(["a b c", "d e"]))
