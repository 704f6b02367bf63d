"""How long an edit takes to reach the browser in `roadmap serve`'s live preview.

`roadmap serve` runs on a copy of the project; Chromium has a page open; the time is taken from
the moment the file is saved to the moment the open page shows the edit (it reloads itself).
"""

from __future__ import annotations

import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path


def copy_sources(root: Path, dest: Path) -> Path:
    for name in ("docs", "data", "overrides", "translations"):  # as editors have them
        shutil.copytree(root / name, dest / name)
    for cfg in root.glob("mkdocs*.yml"):
        shutil.copy(cfg, dest / cfg.name)
    return dest


@contextmanager
def serving(project: Path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "roadmap.cli",
            "--project",
            str(project),
            "serve",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/fr/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _seconds_to_show(browser, url: str, save, marker: str) -> float:
    page = browser.new_page()
    page.goto(url)
    page.wait_for_function(
        "() => performance.getEntriesByType('resource')"
        ".some(e => e.name.includes('/.roadmap/live'))"
    )
    time.sleep(0.3)  # the first poll is held by the server now
    started = time.perf_counter()
    save()
    page.wait_for_function(
        f"() => document.body && document.body.innerText.includes({marker!r})", timeout=30000
    )
    seconds = time.perf_counter() - started
    page.close()
    return seconds


def latencies(browser, root: Path, tmp: Path, runs: int = 3) -> dict[str, float]:
    """Median seconds from save to browser: a page of one language, and a data text (six)."""
    project = copy_sources(root, tmp / "preview-project")
    page_file, data_file = project / "docs/fr/group.md", project / "data/phases.yml"
    page_text, data_text = (
        page_file.read_text(encoding="utf-8"),
        data_file.read_text(encoding="utf-8"),
    )
    out: dict[str, list[float]] = {"page": [], "data": []}
    with serving(project) as base:
        for n in range(runs):
            marker = f"Aperçu{n}"
            out["page"].append(
                _seconds_to_show(
                    browser,
                    f"{base}/fr/group/",
                    lambda m=marker: page_file.write_text(
                        page_text + f"\n\n{m}\n", encoding="utf-8"
                    ),
                    marker,
                )
            )
            marker = f"Phase{n}X"
            out["data"].append(
                _seconds_to_show(
                    browser,
                    f"{base}/ar/roadmap/",
                    lambda m=marker: data_file.write_text(  # the first Arabic title of a phase
                        data_text.replace("ar: '", f"ar: '{m} ", 1), encoding="utf-8"
                    ),
                    marker,
                )
            )
    return {kind: statistics.median(times) for kind, times in out.items()}
