"""Debian's Chromium, as every part of the project starts it: the PDFs (editions/pdf.py), and
the tests', gates' and bench's browsers (quality/tools.py). Never a browser Playwright downloads.
"""

from __future__ import annotations

import shutil

from .errors import RoadmapError

# Headless without a sandbox (CI runs as root) nor a GPU; nothing fetched in the background
# (this machine's closed network refuses it, many times over).
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
)


class ChromiumMissing(RoadmapError):
    """Debian's chromium is not installed."""


def find() -> str:
    """The path of Debian's `chromium` command."""
    path = shutil.which("chromium")
    if not path:
        raise ChromiumMissing(
            "Debian's chromium is needed (PDFs, tests): apt-get install chromium, "
            "or bash .ci/system-deps.sh"
        )
    return path
