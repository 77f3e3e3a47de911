"""Tasks defined inside the main guard: pickle sends them by name, and a child started
by spawn or forkserver imports the script without running the guarded block."""
import multiprocessing


def cube(x):
    # Above the guard: every child's import of the script defines it.
    return x * x * x


if __name__ == "__main__":
    def square(x):
        return x * x

    class Reporter:
        def report(self, value):
            print(value)

    with multiprocessing.Pool(4) as pool:
        print(pool.map(square, range(10)))  # expect: CON204
        print(pool.map(cube, range(10)))
    child = multiprocessing.Process(target=Reporter().report, args=(1,))  # expect: CON204
    child.start()
    child.join()
