"""The package's public names, defined in its modules: callers import them from here."""
from .kernels import smooth
from .threads import *
