"""Helpers that start a thread on whatever function their caller hands them."""
import threading


def spawn(func, *args):
    thread = threading.Thread(target=func, args=args, daemon=True)
    thread.start()
    return thread


def spawn_unused(task):
    # No caller hands this one a function: its thread runs something unknown.
    threading.Thread(target=task).start()
