"""Where the gates' tools are: Debian's Chromium and Java, and the npm packages that
`npm ci` installs at the versions of package-lock.json (make setup, make test)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"

# Headless without a sandbox (CI runs as root) and without the GPU of a desktop.
CHROMIUM_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")


class ToolMissing(RuntimeError):
    pass


def chromium() -> str:
    path = shutil.which("chromium")
    if not path:
        raise ToolMissing(
            "Debian's chromium is required: `make test` installs it (.ci/system-deps.sh)"
        )
    return path


def java() -> str:
    path = shutil.which("java")
    if not path:
        raise ToolMissing("Java is required by the Nu HTML Checker: `make test` installs it")
    return path


def npm_file(path: Path) -> Path:
    if not path.is_file():
        raise ToolMissing(f"{path.relative_to(ROOT)} is missing: run `make setup` (npm ci)")
    return path
