"""A stand-in for eventlet whose hub runs on asyncio: the library's own business."""
from eventlet import hub


def monkey_patch():
    hub.install()
