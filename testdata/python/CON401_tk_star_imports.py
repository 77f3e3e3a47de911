"""A Tkinter clock written the way tutorials write it: every name from star imports."""
from tkinter import *
from threading import *
import time


def tick():
    while True:
        time.sleep(1)
        label.config(text=time.strftime("%H:%M:%S"))  # expect: CON206


root = Tk()
label = Label(root, font=("Helvetica", 48))
label.pack()
Thread(target=tick, daemon=True).start()  # expect: CON401
root.mainloop()
