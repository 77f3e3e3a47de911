"""A pre-fork job runner that counts finished jobs in a global the children update."""
import os
import sys

finished = 0
failed = []


def run(job):
    global finished
    try:
        job()
        finished += 1  # expect: CON202
    except Exception as error:
        failed.append(repr(error))  # expect: CON202


def main(jobs):
    children = []
    for job in jobs:
        pid = os.fork()
        if pid == 0:
            run(job)
            os._exit(0)
        children.append(pid)
    for pid in children:
        os.waitpid(pid, 0)
    print(f"{finished} finished, {len(failed)} failed")


def report_once():
    if os.fork() == 0:
        print("child", os.getpid())
        sys.exit(0)
    os.wait()


if __name__ == "__main__":
    main([lambda: None, lambda: 1 / 0])
    report_once()
