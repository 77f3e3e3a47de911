"""A GTK program's runner: called from a worker, it hands the function to the main loop
and waits; called on the main loop, it runs the function at once and never waits."""
import threading

from gi.repository import GLib

from threads import in_worker_thread, is_main_thread


class MainRunner:
    def call(self, func):
        if is_main_thread():
            return func()
        else:
            done = threading.Event()
            GLib.idle_add(lambda: (func(), done.set()))
            done.wait()

    def call_direct(self, func):
        if threading.current_thread() is not threading.main_thread():
            done = threading.Event()
            GLib.idle_add(lambda: (func(), done.set()))
            done.wait()
        else:
            return func()

    def call_guessing(self, func):
        if in_worker_thread():
            done = threading.Event()
            GLib.idle_add(lambda: (func(), done.set()))
            done.wait()
        else:
            return func()


runner = MainRunner()


def on_idle(_data):
    runner.call(print)
    runner.call_direct(print)
    runner.call_guessing(print)  # expect: CON402
    return False


GLib.idle_add(on_idle, None)
GLib.MainLoop().run()
