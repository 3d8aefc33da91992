"""The start-up floor: a bare PySide6 QMainWindow, shown once, then a line on stdout.

Run from source by `bench_startup.py`, and frozen beside CancelApp in the same bundle (build.spec
with CANCELAPP_BENCH_FLOOR=1) so the frozen start is compared with the same bootloader, options
and Qt plugins.
"""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
print("shown", flush=True)
