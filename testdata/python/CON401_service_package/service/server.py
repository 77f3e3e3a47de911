"""An asyncio service that refreshes its cache from a sleeping thread."""
import asyncio
import threading
import time

cache = {}


def refresh_forever():
    while True:
        cache["stamp"] = time.time()
        time.sleep(30)


async def handle(reader, writer):
    writer.write(str(cache.get("stamp")).encode())
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8080)
    async with server:
        await server.serve_forever()


def serve():
    threading.Thread(target=refresh_forever, daemon=True).start()  # expect: CON401
    asyncio.run(main())
