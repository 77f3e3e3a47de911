# Writing os.environ calls putenv, which changes the environment of the whole
# process while C code in another thread may be reading it: a thread should not.
# The main thread setting it up before threads start, and reads, are fine.
import os
import threading


def reload_with(port):
    os.environ["PORT"] = str(port)  # expect: CON206
    os.environ.update({"RELOADED": "1"})  # expect: CON206
    return os.environ.get("HOME")


def main():
    os.environ["MODE"] = "serve"
    threading.Thread(target=reload_with, args=(8000,)).start()
