"""A pre-fork runner whose parent goes on to the next request in the test of the
pid, so the child runs what follows it; and a daemon whose parent exits as soon as it has forked."""
import os

served = 0
settings = {}


def serve(handlers):
    global served
    children = []
    for handler in handlers:
        pid = os.fork()
        if pid:
            children.append(pid)
            continue
        handler()
        served += 1  # expect: CON202
        os._exit(0)
    for pid in children:
        os.waitpid(pid, 0)
    print(f"served {served} requests")


def daemonize():
    if os.fork() > 0:
        os._exit(0)
    os.setsid()
    settings["daemon"] = True
    return settings


if __name__ == "__main__":
    serve([lambda: None])
    daemonize()
    print(settings)
