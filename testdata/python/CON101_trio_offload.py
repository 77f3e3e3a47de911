"""A Trio image service that offloads its hashing to Trio's and AnyIO's worker threads."""
import anyio
import trio


def tile_checksum(pixels):
    """Adler-style sums over the tile, row by row."""
    low, high = 1, 0
    while pixels:
        row, pixels = pixels[0], pixels[1:]
        low = (low + sum(value * value for value in row) + len(row)) % 65521
        high = (high + low) % 65521
    return high << 16 | low


def read_tile(path):
    with open(path, "rb") as handle:
        return handle.read()


async def handle(pixels, path, results):
    results.append(await trio.to_thread.run_sync(tile_checksum, pixels))  # expect: CON101
    results.append(await trio.to_thread.run_sync(read_tile, path))


async def handle_anyio(pixels):
    return await anyio.to_thread.run_sync(tile_checksum, pixels)  # expect: CON101


async def main(tiles):
    results = []
    async with trio.open_nursery() as nursery:
        for pixels, path in tiles:
            nursery.start_soon(handle, pixels, path, results)
            # The task is the offload itself: the checksum runs on a worker thread.
            nursery.start_soon(trio.to_thread.run_sync, tile_checksum, pixels)  # expect: CON101
            nursery.start_soon(trio.to_thread.run_sync, read_tile, path)
    return results


async def main_anyio(tiles):
    async with anyio.create_task_group() as group:
        for pixels, _ in tiles:
            group.start_soon(anyio.to_thread.run_sync, tile_checksum, pixels)  # expect: CON101


if __name__ == "__main__":
    trio.run(main, [([[1, 2], [3, 4]], "tile.bin")])
