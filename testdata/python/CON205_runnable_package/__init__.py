"""A package run with `python -m CON205_runnable_package`."""
