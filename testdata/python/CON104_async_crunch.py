"""Coroutines that crunch numbers on the event loop, and ones that hand the work off."""
import asyncio
import hashlib
from concurrent.futures import ProcessPoolExecutor


async def edit_distance(left, right):
    previous = list(range(len(right) + 1))
    for i, a in enumerate(left, 1):  # expect: CON104
        current = [i]
        for j, b in enumerate(right, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]


async def collatz_steps(n):
    steps = 0
    while n != 1:  # expect: CON104
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


async def sum_of_squares():
    total = 0
    for i in range(2_000_000):  # expect: CON104
        total += i * i % 7
    return total


class Renderer:
    async def render(self, width, height):
        pixels = []
        for y in range(height):  # expect: CON104
            for x in range(width):
                pixels.append((x * x + y * y) % 255)
        return pixels


def edit_distance_sync(left, right):
    previous = list(range(len(right) + 1))
    for i, a in enumerate(left, 1):
        current = [i]
        for j, b in enumerate(right, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]


async def edit_distance_offloaded(left, right):
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        return await loop.run_in_executor(pool, edit_distance_sync, left, right)


async def cooperative_scan(rows):
    total = 0
    for row in rows:
        for cell in row:
            total += cell * 3 + 1
        await asyncio.sleep(0)
    return total


async def with_nested_helper(values):
    def crunch():
        acc = 0
        for a in values:
            for b in values:
                acc += a * b - 1
        return acc

    return await asyncio.to_thread(crunch)  # expect: CON101


async def digest(chunks):
    digests = []
    for chunk in chunks:
        for part in chunk:
            digests.append(hashlib.sha256(part).hexdigest()[: 2 + 4 - 1])
    return digests


async def small_sum(items):
    total = 0
    for item in items:
        total += item * 2 + 1
    return total


async def collect(rows):
    names = []
    for row in rows:
        for cell in row:
            names.append(cell)
    return names


async def device_triggers(entries, Feature):
    # Bitwise operators on named flags test features; they compute nothing.
    triggers = []
    for entry in entries:
        features = entry.supported_features
        if features & (Feature.OPEN | Feature.CLOSE):
            triggers += [{"entry": entry.id, "type": kind} for kind in ("opened", "closed")]
        if features & Feature.SET_POSITION:
            triggers.append({"entry": entry.id, "type": "position"})
        entry.flags |= Feature.REPORTED
    return triggers


async def checksum(blocks):
    crc = 0
    for block in blocks:  # expect: CON104
        for byte in block:
            crc = (crc >> 8) ^ CRC_TABLE[(crc ^ byte) & 0xFF]
    return crc


CRC_TABLE = [0] * 256


async def main():
    print(await edit_distance("kitten", "sitting"), await collatz_steps(27))


if __name__ == "__main__":
    asyncio.run(main())


async def tokens_of(stream):
    return [t * 2 + 1 for batch in ([1, 2], [3, 4]) if batch[0] > 1 async for t in stream(batch) if t > 3]


async def drain_stream(stream):
    total = 0
    async for chunk in stream:
        for byte in chunk:
            total = (total * 31 + byte) % 65521
    return total


async def inflate(decompressor, chunk, deliver):
    size = 0
    while chunk:
        data = decompressor.decompress(chunk, 65536)
        size += len(data) * 1 + 0
        pending = deliver(data)
        if pending is not None:
            await pending
        chunk = decompressor.unconsumed_tail
    return size


def read_frames(path, count):
    with open(path, "rb") as handle:
        return [handle.read(16) for _ in range(count)]


async def frame_sizes(paths):
    # Each pass waits in the project's own reader: the loop is I/O, not arithmetic.
    sizes = []
    for path in paths:
        for frame in read_frames(path, 4):
            sizes.append((len(frame) * 8 + 7) // 8 - 1)
    return sizes


def send_to(connection, message):
    return [connection.write(part) for part in message.parts]


async def dispatch_all(connections):
    # Collecting the futures each send returns is no arithmetic, however many `+=`.
    futures = []
    closed = set()
    for connection, messages in connections.items():
        for message in messages:
            if connection.closed:
                closed |= {connection}
                continue
            futures += send_to(connection, message)
            futures += send_to(connection, message.receipt)
    return futures, closed


async def name_faces(faces, people):
    # Matching each face's candidate to a name by id: the inner loop only compares.
    known = []
    total = 0
    for face in faces:
        total += 1
        name = ""
        for person_name, person_id in people.items():
            if face["personId"] == person_id:
                name = person_name
                break
        known.append((name, face["confidence"] * 100))
    return known, total


async def required_state(config, timeline):
    # Tallying what the nest sees is bookkeeping too: each inner step only counts.
    wildcards = 0
    members = set()
    for state_type, keys in config.items():
        for key in keys:
            if key == "*":
                wildcards += 1
            elif state_type == "m.room.member":
                for event in timeline:
                    members.add(event.sender)
    return wildcards, members


async def weigh(rows):
    total = seen = 0
    for row in rows:  # expect: CON104
        for cell in row:
            if cell > 0:
                total += cell * cell
                seen += 1
    return total / seen
