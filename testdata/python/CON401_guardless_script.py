"""A tool run as `python tool.py`, with no `if __name__ == "__main__":` guard: its
`main()` at the bottom starts the timer thread and runs the asyncio loop all the same."""
import asyncio
import threading
import time


def refresh_cache():
    while True:
        print("refreshing")
        time.sleep(60)


async def serve():
    server = await asyncio.start_server(lambda reader, writer: writer.close(), "127.0.0.1", 8080)
    async with server:
        await server.serve_forever()


def main():
    threading.Thread(target=refresh_cache, daemon=True).start()  # expect: CON401
    asyncio.run(serve())


main()
