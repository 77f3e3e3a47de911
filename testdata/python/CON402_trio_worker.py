"""A Trio worker: a blocking sleep in a coroutine, next to Trio's own ways to wait."""
import socket
import time

import trio


def read_sensor():
    time.sleep(0.1)
    return 42


async def poll():
    time.sleep(2)  # expect: CON402
    await trio.sleep(2)
    return await trio.to_thread.run_sync(read_sensor)


async def send_when_ready(sock: socket.socket, data):
    # Trio says when the socket can take data: the send does not wait.
    await trio.lowlevel.wait_writable(sock)
    return sock.send(data)


async def send_blindly(sock: socket.socket, data):
    return sock.send(data)  # expect: CON402


async def main():
    async with trio.open_nursery() as nursery:
        nursery.start_soon(poll)


if __name__ == "__main__":
    trio.run(main)
