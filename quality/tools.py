"""Where the gates' tools are: Debian's Chromium and Java, and the npm packages that
`npm ci` installs at the versions of package-lock.json (make setup, make test)."""

from __future__ import annotations

import shutil
from pathlib import Path

from roadmap.chromium import FLAGS, find

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"

# Debian's Chromium as the product starts it (roadmap/chromium.py): one list of flags.
CHROMIUM_FLAGS = FLAGS


class ToolMissing(RuntimeError):
    pass


def chromium() -> str:
    return find()


def java() -> str:
    path = shutil.which("java")
    if not path:
        raise ToolMissing("Java is required by the Nu HTML Checker: `make test` installs it")
    return path


def npm_file(path: Path) -> Path:
    if not path.is_file():
        raise ToolMissing(f"{path.relative_to(ROOT)} is missing: run `make setup` (npm ci)")
    return path
