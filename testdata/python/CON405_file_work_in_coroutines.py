"""Coroutines of an upload service that work on files with the loop's own thread."""
import asyncio
import gzip
import json
import os
import shutil
from pathlib import Path

import aiofiles
from tornado import gen

UPLOADS = Path("/srv/uploads")
MANIFEST = Path("/srv/uploads/manifest.json")
THUMBNAILS = Path(__file__).parent / "thumbnails"


class Store:
    def __init__(self, root):
        self.index = Path(root, "index.json")

    async def load_index(self):
        return json.loads(self.index.read_text())  # expect: CON405

    async def archive(self, name):
        shutil.copytree(UPLOADS / name, f"/srv/archive/{name}")  # expect: CON405
        await asyncio.sleep(0)


async def save_upload(name, body):
    with open(UPLOADS / name, "wb") as f:  # expect: CON405
        f.write(body)


async def load_manifest():
    return json.loads(MANIFEST.read_text())  # expect: CON405


async def compressed_log(name):
    with gzip.open(f"/var/log/uploads/{name}.gz", "rt") as log:  # expect: CON405
        return log.read()


async def stamp(name):
    Path(name).write_text("done")  # expect: CON405


async def thumbnail(name):
    small = THUMBNAILS / f"{name}.png"
    if small.exists():
        return small.read_bytes()  # expect: CON405
    return (UPLOADS / name).read_bytes()  # expect: CON405


@gen.coroutine
def legacy_stamp(name):
    with open(name, "w") as stamp_file:  # expect: CON405
        stamp_file.write("done")
    yield gen.sleep(0)


def write_file(path, body):
    with open(path, "wb") as f:
        f.write(body)


async def save_upload_in_a_thread(name, body):
    await asyncio.to_thread(write_file, UPLOADS / name, body)
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, lambda: open(UPLOADS / name, "rb").read())


async def save_with_aiofiles(name, body):
    async with aiofiles.open(UPLOADS / name, "wb") as f:
        await f.write(body)


async def memory_in_use():
    with open("/proc/self/status") as status:
        lines = status.read().splitlines()
    with open(os.devnull, "w") as quiet:
        print(lines, file=quiet)
    return await asyncio.to_thread(MANIFEST.read_bytes)


async def main():
    limits = json.loads(Path("/etc/uploads/limits.json").read_text())
    await save_upload("a.txt", b"hello")
    await load_manifest()
    for name in limits["pinned"]:
        body = Path(name).read_bytes()  # expect: CON405
        await save_upload(name, body)


if __name__ == "__main__":
    asyncio.run(main())
