"""`python -m jobs.cli URL`: starts a worker."""
import sys

from jobs import worker

if __name__ == "__main__":
    worker.run_worker(sys.argv[1], [])
