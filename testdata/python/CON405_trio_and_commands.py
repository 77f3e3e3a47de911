"""File work in Trio coroutines, and in the commands of a command-line tool."""
import shutil
from pathlib import Path

import click
import trio

REPORTS = Path("/var/lib/reports")


async def publish(name, text):
    with open(f"/var/lib/reports/{name}.txt", "w") as report:  # expect: CON405
        report.write(text)
    (REPORTS / "latest.txt").write_text(text)  # expect: CON405
    REPORTS.write_text(text)  # expect: CON405
    shutil.rmtree("/var/lib/reports/old")  # expect: CON405


async def publish_the_trio_way(name, text):
    async with await trio.open_file(f"/var/lib/reports/{name}.txt", "w") as report:
        await report.write(text)
    await trio.Path(REPORTS, "latest.txt").write_text(text)


async def settings():
    with open("/etc/reports.conf") as conf:  # noqa: ASYNC230
        return conf.read()


@click.command()
@click.argument("name")
async def show(name):
    with open(f"/var/lib/reports/{name}.txt") as report:
        print(report.read())
    await trio.sleep(0)


async def main(names):
    with open("/etc/reports.list") as wanted:
        names += wanted.read().split()
    async with trio.open_nursery() as nursery:
        for name in names:
            nursery.start_soon(publish, name, "all good")
            Path(f"/var/lib/reports/{name}.queued").touch()
            REPORTS.joinpath(f"{name}.log").write_text("queued")  # expect: CON405


if __name__ == "__main__":
    trio.run(main, ["daily"])
