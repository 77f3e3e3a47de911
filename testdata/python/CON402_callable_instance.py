# Calling an instance runs its class's `__call__`: the installer an attribute
# holds, one made and called at once, and one bound to a name all run pip on
# the loop. Constructing the installer runs only `__init__`, which waits on nothing.
import subprocess


class PipInstaller:
    def __init__(self, packages):
        self.packages = packages

    def __call__(self):
        subprocess.run(["pip", "install", *self.packages], check=True)


class InstallPlugin:
    def __init__(self, packages):
        self.install = PipInstaller(packages)

    async def setup(self):
        self.install()  # expect: CON402


async def install_now(packages):
    PipInstaller(packages)()  # expect: CON402
    installer = PipInstaller(packages)
    installer()  # expect: CON402
