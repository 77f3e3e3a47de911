"""Processes that share a multiprocessing.Value or a manager's dict and update it with +=."""
import multiprocessing
from multiprocessing.sharedctypes import RawValue


def count(counter, rounds):
    for _ in range(rounds):
        counter.value += 1  # expect: CON201


def count_safely(counter, rounds):
    for _ in range(rounds):
        with counter.get_lock():
            counter.value += 1


def tally(totals, word):
    totals[word] += 1  # expect: CON201


def tally_locked(totals, word, lock):
    with lock:
        totals[word] += 1


def count_once(counter):
    counter.value += 1


def record(slot, value):
    # A plain store: nothing read, nothing lost.
    slot.value = value


def bump_raw(raw):
    raw.value = raw.value + 1  # expect: CON201


def main():
    counter = multiprocessing.Value("i", 0)
    raw = RawValue("i", 0)
    workers = [multiprocessing.Process(target=count, args=(counter, 1000)) for _ in range(4)]
    workers += [multiprocessing.Process(target=count_safely, args=(counter, 1000)) for _ in range(4)]
    workers += [multiprocessing.Process(target=record, args=(counter, n)) for n in range(4)]
    workers += [multiprocessing.Process(target=bump_raw, args=(raw,)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    # One child alone races with nobody.
    single = multiprocessing.Process(target=count_once, args=(counter,))
    single.start()
    single.join()
    with multiprocessing.Manager() as manager:
        totals = manager.dict({"a": 0, "b": 0})
        lock = manager.Lock()
        with multiprocessing.Pool(4) as pool:
            for word in ["a", "b", "a"]:
                pool.apply_async(tally, (totals, word))
                pool.apply_async(tally_locked, (totals, word, lock))
            pool.close()
            pool.join()


if __name__ == "__main__":
    main()
