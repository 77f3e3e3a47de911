"""This program chooses `fork`: its children inherit the module's lock."""
import multiprocessing

import inherited_lock_workers

if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    inherited_lock_workers.run()
