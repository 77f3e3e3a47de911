"""Timers that re-arm themselves, first run by the main thread. One updates before it
starts the next run, so no two runs are ever at the update together; the other starts
the next run first, which may reach the update while this one is still there."""
import threading

polls = 0
beats = 0


def poll():
    global polls
    polls += 1
    threading.Timer(5.0, poll).start()


def beat():
    global beats
    threading.Timer(1.0, beat).start()
    beats += 1  # expect: CON201


def main():
    poll()
    beat()


if __name__ == "__main__":
    main()
