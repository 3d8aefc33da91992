"""Take the single-instance lock on a data folder and hold it until stdin closes."""

import sys
from pathlib import Path

from cancelapp.store import AnotherInstanceError, InstanceLock

try:
    lock = InstanceLock(Path(sys.argv[1])).acquire()
except AnotherInstanceError as exc:
    print("refused")
    print(exc.merchant_message, flush=True)
    sys.exit(3)
print("locked", flush=True)
sys.stdin.read()  # hold the lock until the test closes our stdin
lock.release()
