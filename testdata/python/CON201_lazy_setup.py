"""Settings built on first use, by whichever thread asks first: a second thread may
see the dictionary before its keys are in, or build another one."""
import threading

_settings = None


def settings():
    global _settings
    if _settings is None:
        # One finding for the whole set-up, at its first write; the stores that fill it are notes.
        _settings = {}  # expect: CON201
        _settings["home"] = "/srv"
        _settings["workers"] = 4
    return _settings


def serve(name):
    print(name, settings()["home"])


def main():
    threads = [threading.Thread(target=serve, args=(name,)) for name in ("api", "web")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


if __name__ == "__main__":
    main()
