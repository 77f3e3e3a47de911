"""Shared state that threads use safely, or that only one thread touches."""
import asyncio
import queue
import threading

config = None
results = []
by_key = {}
lock = threading.Lock()
counter = 0
local = threading.local()
jobs = queue.Queue()
done = False
private_ticks = 0
main_only = 0
started_at = None
coroutine_steps = 0
phase = "idle"
tally = 0
sessions = {}
calls_by_thread = {}


def load_config():
    return {"workers": 4}


def worker(key):
    global counter, done
    results.append(key)
    by_key[key] = len(config)
    with lock:
        counter += 1
    local.calls = getattr(local, "calls", 0) + 1
    jobs.put(key)
    done = True


def ticker():
    global private_ticks, phase
    phase = "ticking"
    print(phase)
    phase = "done"
    for _ in range(10):
        private_ticks += 1


def try_count():
    global counter
    if lock.acquire(timeout=1):
        counter += 1
        lock.release()


def count_unless_busy():
    global counter
    if not lock.acquire(blocking=False):
        return
    try:
        counter += 1
    finally:
        lock.release()


def session_for_thread():
    # Each thread creates and counts its own entry only: the keys never collide.
    me = threading.get_ident()
    if me not in sessions:
        sessions[me] = object()
    name = threading.current_thread().name
    calls_by_thread[name] = calls_by_thread.get(name, 0) + 1
    calls_by_thread[threading.current_thread().ident] = 1


def reset_tally():
    global tally
    tally = 0


def count_once():
    global tally
    tally += 1


def bump_main():
    global main_only
    main_only += 1


async def step():
    global coroutine_steps
    coroutine_steps += 1


async def run_steps():
    await asyncio.gather(asyncio.create_task(step()), asyncio.create_task(step()))


def main():
    global config, started_at
    config = load_config()
    started_at = 0
    bump_main()
    reset_tally()
    print(private_ticks)
    threading.Thread(target=ticker).start()
    threading.Thread(target=count_once).start()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    threads += [threading.Thread(target=try_count) for _ in range(4)]
    threads += [threading.Thread(target=count_unless_busy) for _ in range(4)]
    threads += [threading.Thread(target=session_for_thread) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    bump_main()
    with lock:
        print(counter, main_only, done, started_at, phase)
    asyncio.run(run_steps())
    print(coroutine_steps)


if __name__ == "__main__":
    main()
