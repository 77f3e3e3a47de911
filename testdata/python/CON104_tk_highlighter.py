"""Tk callbacks: one computes on the GUI thread, the other walks a text's matches
and tags each in the widget, work that must stay on the GUI thread."""
import re
import tkinter as tk


class Highlighter:
    def __init__(self, root):
        self.text = tk.Text(root)
        self.text.pack()
        self.pattern = re.compile(r"\w+")
        tk.Button(root, text="Tag", command=self.tag_matches).pack()
        tk.Button(root, text="Sum", command=self.checksum).pack()

    def tag_matches(self):
        text = self.text.get("1.0", tk.END)
        last = 0
        count = 0
        while last <= len(text):
            match = self.pattern.search(text, last)
            if match is None:
                break
            first, last = match.span()
            if last == first:
                last = first + 1
            self.text.tag_add("hit", "1.0 + %d chars" % first, "1.0 + %d chars" % last)
            count = count + 1
            for group in match.groups():
                self.text.insert(tk.END, group)

    def checksum(self):
        total = 0
        for i in range(2_000_000):  # expect: CON104
            total = (total * 31 + i) % 65521
        self.text.insert(tk.END, str(total))


if __name__ == "__main__":
    root = tk.Tk()
    Highlighter(root)
    root.mainloop()
