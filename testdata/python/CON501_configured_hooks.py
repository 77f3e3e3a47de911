"""A command line that comes whole from elsewhere is meant for a shell: the advice keeps it."""
import mailcap
import os


def view(path, settings):
    caps = mailcap.getcaps()
    command, _ = mailcap.findmatch(caps, "image/png", filename=path)
    os.system(command)  # expect: CON501
    os.system(settings.get("post_hook"))  # expect: CON501
