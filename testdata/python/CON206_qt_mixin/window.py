"""A window whose worker thread calls the mixin's method, and a widget method too."""
import threading

from PyQt5.QtWidgets import QApplication, QMainWindow

from config import ConfigAccessor


class MainWindow(QMainWindow, ConfigAccessor):
    def start_server(self):
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        self.set_conf("port", 8080)
        self.setWindowTitle("serving")  # expect: CON206


if __name__ == "__main__":
    app = QApplication([])
    window = MainWindow()
    window.start_server()
    app.exec_()
