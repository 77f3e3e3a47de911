"""Process-wide settings made in the main thread; threads use explicit paths."""
import locale
import multiprocessing
import os
import signal
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest


def on_term(signum, frame):
    print("terminating", signum, frame)


def in_main_thread():
    # Probes on purpose: outside the main thread the call raises ValueError.
    try:
        signal.signal(signal.SIGINT, signal.getsignal(signal.SIGINT))
        return True
    except (TypeError, ValueError):
        return False


def install_handlers():
    # Only the main thread installs them; a worker calling this skips the block.
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, on_term)
        ignore_pipes()


def ignore_pipes():
    # Called only from the main thread's block above.
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)


def restore_handlers():
    if threading.current_thread() is not threading.main_thread():
        return
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def install_interrupt_handler():
    # Probes first: what follows runs only in the main thread.
    if not in_main_thread() or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        return
    signal.signal(signal.SIGINT, on_term)


def compile_in(project_dir):
    install_handlers()
    restore_handlers()
    install_interrupt_handler()
    if in_main_thread():
        print("building in the main thread")
    subprocess.run(["make"], cwd=project_dir, check=True)
    with open(os.path.join(project_dir, "VERSION"), encoding="utf-8") as f:
        print(os.getcwd(), f.read())
    print(locale.setlocale(locale.LC_ALL))


def isolated_build(project_dir):
    os.chdir(project_dir)
    os.umask(0o022)
    return compile("print('docs')", project_dir, "exec")


class Remote:
    def chdir(self, path):
        return path


def browse(remote, path):
    remote.chdir(path)


def install_default_handler():
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def test_handlers_need_the_main_thread():
    # The test runs the set-up in a worker to see it raise there.
    with ThreadPoolExecutor(max_workers=1) as pool:
        with pytest.raises(ValueError):
            pool.submit(install_default_handler).result()


def main():
    signal.signal(signal.SIGTERM, on_term)
    locale.setlocale(locale.LC_ALL, "")
    os.umask(0o027)
    os.chdir("/srv/build")
    workers = [threading.Thread(target=compile_in, args=(("api", "web")[i],)) for i in range(2)]
    for w in workers:
        w.start()
    threading.Thread(target=browse, args=(Remote(), "/pub")).start()
    child = multiprocessing.Process(target=isolated_build, args=("docs",))
    child.start()
    child.join()


if __name__ == "__main__":
    main()
