"""Asks which thread runs the caller, for code that may run in either."""
import threading


def is_main_thread():
    return threading.current_thread().name == "MainThread"


def in_worker_thread():
    # Says nothing of the main thread: code it guards may still run on the loop.
    return threading.current_thread().daemon
