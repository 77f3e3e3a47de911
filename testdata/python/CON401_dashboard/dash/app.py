import tkinter as tk

from dash.poller import start_poller, latest


def refresh(root, label):
    label.config(text=str(latest.get("status", "?")))
    root.after(1000, refresh, root, label)


def main():
    root = tk.Tk()
    label = tk.Label(root, text="?")
    label.pack()
    start_poller("http://localhost/health")
    refresh(root, label)
    root.mainloop()


if __name__ == "__main__":
    main()
