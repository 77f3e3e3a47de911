"""A subclass in a third module: it runs its base's `run`, in a thread all the same."""
from workers import Cruncher


class SquareCruncher(Cruncher):
    label = "squares"
