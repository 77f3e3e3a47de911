"""Child programs started with `subprocess.Popen` once per task: every line of standard
input, every connection accepted. Waiting for each in the same pass runs one at a time."""
import os
import subprocess
import sys
import time


def convert_all():
    for line in sys.stdin:
        subprocess.Popen(["convert", line.strip(), line.strip() + ".png"])  # expect: CON301


def convert_later():
    children = []
    for line in sys.stdin:
        children.append(subprocess.Popen(["convert", line.strip()]))  # expect: CON301
    for child in children:
        child.wait()


def serve(server):
    while True:
        conn, _ = server.accept()
        subprocess.Popen(["handler"], stdin=conn.fileno(), stdout=conn.fileno())  # expect: CON301


def convert_one_at_a_time():
    for line in sys.stdin:
        child = subprocess.Popen(["convert", line.strip()])
        child.communicate()


def convert_chained():
    for line in sys.stdin:
        subprocess.Popen(["convert", line.strip()]).wait()


def convert_managed():
    for line in sys.stdin:
        with subprocess.Popen(["convert", line.strip()], stdout=subprocess.PIPE) as child:
            print(child.stdout.read())


def reload_forever(args, lockfile):
    # bottle's reloader: starts the server again whenever it asks, watching it meanwhile.
    while os.path.exists(lockfile):
        child = subprocess.Popen(args)
        while child.poll() is None:
            time.sleep(1)


def test_leaking_fds(case):
    # The stdlib's own test: every start fails, as the test expects.
    for i in range(1024):
        with case.assertRaises(FileNotFoundError):
            subprocess.Popen(["/nonexistent"], stdout=subprocess.PIPE)


def convert_listed(paths):
    for path in paths:
        subprocess.Popen(["convert", path])
