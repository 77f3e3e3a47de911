"""A click CLI whose `serve` command runs the asyncio loop: the command line calls it
by name, so the loop is the program's, and so is the timer thread beside it."""
import asyncio
import queue
import threading
import time

import click


class JobQueue(queue.Queue):
    def get(self):
        return super().get()


def report_stats(stats):
    while True:
        print("served:", stats["served"])
        time.sleep(30)


def send_jobs(jobs, port):
    # Driven by the queue: the sleep only spaces out what it sends.
    while True:
        job = jobs.get()
        port.write(job)
        time.sleep(0.05)


async def serve_forever(stats):
    while True:
        stats["served"] += 1
        await asyncio.sleep(1)


@click.group()
def cli():
    pass


@cli.command()
@click.option("--port", default="/dev/ttyUSB0")
def serve(port):
    stats = {"served": 0}
    threading.Thread(target=report_stats, args=(stats,), daemon=True).start()  # expect: CON401
    threading.Thread(target=send_jobs, args=(JobQueue(), open(port, "wb")), daemon=True).start()
    asyncio.run(serve_forever(stats))


if __name__ == "__main__":
    cli()
