"""eventlet-patched workers handing files to a multiprocessing pool."""
import multiprocessing as mp

import eventlet

eventlet.monkey_patch()  # expect: CON403


def resize(path):
    return path.upper()


def main(paths):
    with mp.Pool(4) as pool:
        return pool.map(resize, paths)


if __name__ == "__main__":
    main(["a.png", "b.png"])
