"""Sockets patched by gevent under an asyncio server."""
import asyncio

import gevent.monkey

gevent.monkey.patch_socket()  # expect: CON403


async def handle(reader, writer):
    writer.write(await reader.readline())
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8080)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
