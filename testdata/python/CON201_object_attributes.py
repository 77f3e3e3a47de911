"""Attributes of a module-level object are separate storage: a thread that writes one
races only with code that writes the same one."""
import threading


class State:
    def __init__(self):
        self.try_own = False
        self.sent = 0
        self.proposal = None
        self.received = 0


state = State()


def worker():
    if state.try_own:
        # Setting a flag back to a literal can be repeated by a racing thread without harm.
        state.try_own = False
    state.sent += 1  # expect: CON201
    state.received = state.received + 1


def serve():
    state.proposal = "alt"
    state.sent += 1


def main():
    threading.Thread(target=worker).start()
    serve()


if __name__ == "__main__":
    main()
