"""Threads that change state of the whole process."""
import locale
import os
import signal as sig
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from signal import SIGTERM, signal as on_signal


def build(project_dir):
    os.chdir(project_dir)  # expect: CON206
    subprocess.run(["make"], check=True)


def build_all(projects):
    with ThreadPoolExecutor(max_workers=2) as ex:
        for project in projects:
            ex.submit(build, project)


def restrict_permissions():
    os.umask(0o077)  # expect: CON206


def write_secret(path, data):
    restrict_permissions()
    with open(path, "w", encoding="utf-8") as f:
        f.write(data)


class Reloader(threading.Thread):
    def run(self):
        on_signal(SIGTERM, self.stop)  # expect: CON206
        sig.signal(sig.SIGHUP, self.reload)  # expect: CON206
        locale.setlocale(locale.LC_ALL, "de_DE.UTF-8")  # expect: CON206
        print(locale.setlocale(locale.LC_ALL))
        print(locale.setlocale(locale.LC_NUMERIC, None))

    def stop(self, signum, frame):
        print("stop", signum, frame)

    def reload(self, signum, frame):
        print("reload", signum, frame)


def main():
    threading.Thread(target=write_secret, args=("token", "s3cret")).start()
    Reloader().start()
