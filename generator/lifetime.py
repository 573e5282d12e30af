"""Processes the build starts end with it, even if it is killed."""

from __future__ import annotations

import ctypes
import signal
import sys


def die_with_parent() -> None:
    """In a child process: end when its parent ends, even if the parent was killed.

    Otherwise a killed build would leave a lane, Pagefind or a portrait worker running,
    writing into a folder that the next build is about to remove.
    """
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGKILL)
