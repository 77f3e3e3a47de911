"""An AnyIO uploader that hands network waits to worker processes."""
import urllib.request

import anyio
import anyio.to_process


def upload(url, payload):
    request = urllib.request.Request(url, data=payload, method="PUT")
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status


def compress(payload):
    out = 0
    for index, byte in enumerate(payload):
        for _ in range(64):
            out = (out * 33 + byte * index) % 1_000_003
    return out


async def main(url, payload):
    status = await anyio.to_process.run_sync(upload, url, payload)  # expect: CON102
    digest = await anyio.to_process.run_sync(compress, payload)
    return status, digest


if __name__ == "__main__":
    anyio.run(main, "https://example.com/upload", b"data")
