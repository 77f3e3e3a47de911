"""A Kivy app whose worker thread changes a widget, next to one that hands the change to
the main thread with `@mainthread` and one that schedules it on the clock."""
import threading
import time

from kivy.app import App
from kivy.clock import Clock, mainthread
from kivy.uix.label import Label


class Clockface(App):
    def build(self):
        self.label = Label(text="...")
        threading.Thread(target=self.tick, daemon=True).start()
        threading.Thread(target=self.tick_politely, daemon=True).start()
        return self.label

    def tick(self):
        self.label.text = time.ctime()  # expect: CON206
        self.label.texture_update()  # expect: CON206

    def tick_politely(self):
        self.show(time.ctime())
        Clock.schedule_once(lambda dt: self.label.texture_update())

    @mainthread
    def show(self, text):
        self.label.text = text
        self.refresh()

    def refresh(self):
        # Called only from `show`: it runs in the main thread too.
        self.label.texture_update()


if __name__ == "__main__":
    Clockface().run()
