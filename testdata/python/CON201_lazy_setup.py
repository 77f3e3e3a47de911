"""Settings built on first use, by whichever thread asks first: a second thread may
see the dictionary before its keys are in, or build another one."""
import threading
from concurrent.futures import ThreadPoolExecutor

_settings = None
_error_classes = {}


def settings():
    global _settings
    if _settings is None:
        # One finding for the whole set-up, at its first write; the stores that fill it are notes.
        _settings = {}  # expect: CON201
        _settings["home"] = "/srv"
        _settings["workers"] = 4
    return _settings


def error_class(name, builtin):
    # Made on first use in either arm: the main thread runs this too.
    if name not in _error_classes:
        if builtin:
            _error_classes[name] = type(name, (Exception,), {})  # expect: CON201
        else:
            _error_classes[name] = type(name, (RuntimeError,), {})
    return _error_classes[name]


def watch(names):
    for name in names:
        error_class(name, False)


def serve(name):
    return f"{name} serves {settings()['home']}"


if __name__ == "__main__":
    threading.Thread(target=watch, args=(["Timeout"],)).start()
    error_class("Refused", True)
    with ThreadPoolExecutor(max_workers=2) as pool:
        print(list(pool.map(serve, ("api", "web"))))
