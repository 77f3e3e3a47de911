"""A particle simulation that shares its whole state through multiprocessing objects."""
import ctypes
import multiprocessing as mp
from multiprocessing import Manager, shared_memory
from multiprocessing.sharedctypes import RawArray

STEPS = 1000


def step(worker, positions, velocities, energy, log):
    for _ in range(STEPS):
        with positions.get_lock():
            positions[worker] += velocities[worker]
        with energy.get_lock():
            energy.value += velocities[worker] ** 2
        log.append(worker)


def simulate(particles):
    ctx = mp.get_context("spawn")
    positions = mp.Array(ctypes.c_double, particles)  # expect: CON203
    velocities = RawArray(ctypes.c_double, particles)
    energy = ctx.Value(ctypes.c_double, 0.0)
    grid = shared_memory.SharedMemory(create=True, size=particles * 8)
    with Manager() as manager:
        log = manager.list()
        settings = manager.dict(dt=0.01)
        done = manager.Event()
        results = manager.Queue()
        workers = [
            ctx.Process(target=step, args=(k, positions, velocities, energy, log))
            for k in range(particles)
        ]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        done.set()
        results.put(dict(settings))
    grid.close()
    grid.unlink()
    return list(positions), energy.value


if __name__ == "__main__":
    simulate(8)
