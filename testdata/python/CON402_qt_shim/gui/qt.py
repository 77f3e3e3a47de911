"""The application's one import of Qt, as Anki's `aqt.qt` and pyzo's `pyzo.qt` are."""
from PyQt6.QtCore import *  # noqa: F403
from PyQt6.QtWidgets import *  # noqa: F403
