"""`python -m jobs.server`: the scheduler's API on asyncio. It imports the worker
module for a setting only; the worker's heartbeat thread runs in another program."""
import asyncio

from jobs import stats, worker


async def handle(reader, writer):
    writer.write(f"{stats.latest.get('load', 0.0)} {worker.HEARTBEAT_SECONDS}\n".encode())
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, port=8082)
    await server.serve_forever()


if __name__ == "__main__":
    stats.start_sampler()
    asyncio.run(main())
