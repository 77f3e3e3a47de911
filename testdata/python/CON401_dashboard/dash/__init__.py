"""A Tkinter dashboard whose poller thread lives in another module."""
