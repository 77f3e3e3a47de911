"""Report rendering that assumes it owns the process."""
import locale
import os


def render(report_dir, name):
    os.chdir(report_dir)  # expect: CON206
    locale.setlocale(locale.LC_TIME, "fr_FR.UTF-8")  # expect: CON206
    with open(name + ".txt", "w", encoding="utf-8") as out:
        out.write(name)
