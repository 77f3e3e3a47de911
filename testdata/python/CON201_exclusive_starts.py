# One call of start() makes only one of the two workers: they sit in different
# arms of one if/elif/else chain (or match), so neither races the other on
# `processed` (nor `matched`). The logger, started beside whichever worker, races them both.
import threading

processed = 0
logged = 0


def fast_worker():
    global processed
    processed += 1


def careful_worker():
    global processed
    processed += 2


def logger():
    global logged
    logged += 1  # expect: CON201


def start(mode):
    threading.Thread(target=logger).start()
    if mode == "fast":
        threading.Thread(target=fast_worker).start()
    elif mode == "careful":
        threading.Thread(target=careful_worker).start()
    else:
        return
    global logged
    logged = logged + 1


matched = 0


def first_match_worker():
    global matched
    matched += 1


def second_match_worker():
    global matched
    matched -= 1


def start_by_match(mode):
    match mode:
        case "first":
            threading.Thread(target=first_match_worker).start()
        case _:
            threading.Thread(target=second_match_worker).start()
