"""Children that return their results or share through multiprocessing objects."""
import multiprocessing

hits = multiprocessing.Value("i", 0)
totals = multiprocessing.Array("d", 4)
outbox = multiprocessing.Queue()
scratch = []
settings = {"rounds": 1000}
worker_name = None
last_batch = None


def init_worker(name, shared_hits, shared_totals, shared_outbox):
    # The pool hands each worker the parent's objects: shared under every start method.
    global worker_name, hits, totals, outbox
    worker_name = name
    hits, totals, outbox = shared_hits, shared_totals, shared_outbox


def square_sum(n):
    global last_batch
    last_batch = n
    total = 0
    for i in range(n):
        total += i * i
    scratch.append(total)
    with hits.get_lock():
        hits.value += 1
    totals[n % 4] += total
    outbox.put(total)
    return total


def configure():
    settings["rounds"] = 10


_tracer = None


def tracer():
    # Each process builds its own, the parent as well: nothing the parent reads is lost.
    global _tracer
    if _tracer is None:
        _tracer = object()
    return _tracer


_metrics = {}


def configure_metrics(service):
    # Each process fills the dict it has just made for itself, the parent as well.
    global _metrics
    _metrics = dict(settings)
    _metrics.setdefault("service", service)
    _metrics["pid"] = multiprocessing.current_process().pid


def traced_square_sum(n):
    tracer()
    configure_metrics("worker")
    return square_sum(n)


_keys = None


class KeyService:
    def __getstate__(self):
        # Pickling reads what to send a child; it collects nothing from one.
        return {"keys": _keys}

    def run(self):
        global _keys
        _keys = {"rotated": True}


def main():
    multiprocessing.Process(target=KeyService().run).start()
    configure()
    configure_metrics("parent")
    print(settings, last_batch, tracer())
    with multiprocessing.Pool(2, initializer=init_worker, initargs=("w", hits, totals, outbox)) as pool:
        sums = pool.map(traced_square_sum, range(settings["rounds"]))
    print(sum(sums), hits.value, list(totals), outbox.get(), _tracer, _metrics)


if __name__ == "__main__":
    main()
