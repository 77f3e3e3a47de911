"""An asyncio line server on raw sockets: a readiness callback next to blocking reads."""
import asyncio
import socket


class Connection:
    def __init__(self, conn: socket.socket) -> None:
        self.conn = conn
        self.buffer = b""

    def on_readable(self) -> None:
        # The loop calls this once the socket has data: recv returns at once.
        self.buffer += self.conn.recv(4096)

    async def read_line(self) -> bytes:
        while b"\n" not in self.buffer:
            self.buffer += self.conn.recv(4096)  # expect: CON402
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line


async def serve(listener: socket.socket) -> None:
    loop = asyncio.get_running_loop()
    conn, _ = listener.accept()  # expect: CON402
    connection = Connection(conn)
    loop.add_reader(conn, connection.on_readable)
    print(await connection.read_line())


if __name__ == "__main__":
    asyncio.run(serve(socket.create_server(("127.0.0.1", 8000))))
