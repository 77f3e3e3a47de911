"""Legacy process APIs next to their modern replacements."""
import os
import os as operating_system
import subprocess
from os import popen, system as run_shell

os.system("clear")  # expect: CON501


def archive(path):
    os.system("tar czf backup.tgz /srv/data")  # expect: CON501
    os.system(f"gzip {path}")  # expect: CON501
    run_shell("gzip " + path)  # expect: CON501


def compress(path):
    # Built a line earlier: as much an injection as the f-string in the call.
    command = "gzip %s" % path
    return os.system(command)  # expect: CON501


def list_files(folder):
    listing = popen("ls -l").read()  # expect: CON501
    pipe = operating_system.popen(  # expect: CON501
        "ls {}".format(folder)
    )
    return listing, pipe


def launch():
    return os.spawnlp(os.P_NOWAIT, "sleep", "sleep", "1")  # expect: CON501


def fork_and_exec(argv):
    pid = os.fork()  # expect: CON501
    if pid == 0:
        os.execvp(argv[0], argv)
    return os.waitpid(pid, 0)


def restart_in_place(argv):
    # No fork: the process becomes the program, which is no start of another.
    os.execv(argv[0], argv)


def launch_program(program):
    return os.spawnv(os.P_WAIT, program, [program, "--verbose"])  # expect: CON501


def modern(path):
    subprocess.run(["gzip", path], check=True)
    result = subprocess.run(["ls", "-l"], capture_output=True, text=True)
    message = "never call os.system('rm -rf /') in production"
    note = f"{path}: os.system({path!r}) is gone"
    # os.system("a comment, not a call")
    return result.stdout, message, note


def enable_ansi_escapes_on_windows():
    # An empty command only switches the Windows console to VT100 mode.
    os.system("")


class Shell:
    def system(self, command):
        return command


def method_named_system(shell, system):
    shell.system("echo")
    return system("echo")


def suppressed():
    os.system("sync")  # conch: ignore[CON501]
    os.system("sync")  # noqa: CON501
    os.system("sync")  # conch: ignore
