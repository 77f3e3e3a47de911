"""Settings built on first use, by whichever thread asks first: a second thread may
see the dictionary before its keys are in, or build another one."""
from concurrent.futures import ThreadPoolExecutor

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
    return f"{name} serves {settings()['home']}"


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=2) as pool:
        print(list(pool.map(serve, ("api", "web"))))
