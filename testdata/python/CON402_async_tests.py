"""Async tests of a server: a test's own blocking call stalls the server beside it;
what the code under test blocks on is reported where the server's coroutines call it."""
import asyncio
import socket
import time


def wait_for_port(port):
    while True:
        try:
            socket.create_connection(("127.0.0.1", port)).close()
            return
        except OSError:
            time.sleep(0.1)


async def serve(port):
    server = await asyncio.start_server(lambda reader, writer: writer.close(), "127.0.0.1", port)
    wait_for_port(port)  # expect: CON402
    return server


async def test_server_accepts():
    server = await serve(8765)
    wait_for_port(8765)
    time.sleep(0.5)  # expect: CON402
    server.close()


if __name__ == "__main__":
    asyncio.run(serve(8765))
