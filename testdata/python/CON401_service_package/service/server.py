"""An asyncio service that refreshes its cache from a sleeping thread."""
import asyncio
import threading
import time

cache = {}


def refresh_forever():
    while True:
        cache["stamp"] = time.time()
        time.sleep(30)


class StampProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        transport.write(f"{cache.get('stamp', 0):.0f}\n".encode())
        transport.close()


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(StampProtocol, port=8081)
    await server.serve_forever()


def serve():
    threading.Thread(target=refresh_forever, daemon=True).start()  # expect: CON401
    asyncio.run(main())
