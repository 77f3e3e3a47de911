"""The stand-in's hub, built on an asyncio loop."""
import asyncio


async def _pump():
    await asyncio.sleep(0)


def install():
    asyncio.new_event_loop().run_until_complete(_pump())
