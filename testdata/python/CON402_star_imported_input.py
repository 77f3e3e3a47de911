"""A PyWebIO coroutine session: `from pywebio.input import *` brings in an `input` of its
own, which is awaited or built into a group. The builtin `input` still blocks the loop."""
import asyncio

from pywebio import start_server
from pywebio.input import *
from pywebio.output import *


async def main():
    name = await input("Your name", required=True)
    data = await input_group("Message", [input(name="msg", help_text="Markdown is fine"), actions(name="cmd", buttons=["Send"])])
    put_text(name, data)


async def console():
    line = input("> ")  # expect: CON402
    print(line)


if __name__ == "__main__":
    asyncio.run(console())
    start_server(main, port=8080)
