"""The live preview of `roadmap serve`, in Chromium: edits appear without reloading by hand,
mistakes appear over the last good page until they are fixed, and no built page carries it."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import copy_project
from tests.helpers import edit

LIVE_PATH = "/.roadmap/live"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def preview(tmp_path_factory, site):
    """`roadmap serve` on a copy of the project, which the tests edit, serving a copy of the
    session's site (built once): only what the tests edit is rebuilt."""
    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    shutil.copytree(site, project / "site")
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "roadmap.cli",
            "--project",
            str(project),
            "serve",
            "--no-build",
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(base + "/fr/", timeout=2)
                break
            except OSError:
                assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
                time.sleep(0.2)
        yield project, base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _open(browser, url: str):
    page = browser.new_page()
    page.goto(url)
    page.wait_for_function(
        "() => window.performance.getEntriesByType('resource')"
        ".some(e => e.name.includes('/.roadmap/live'))"
    )
    page.evaluate("() => { window.__notReloaded = true; }")  # gone once the page reloads
    return page


def test_an_edit_appears_in_the_open_page_by_itself(browser, preview):
    project, base = preview
    page = _open(browser, f"{base}/fr/group/")
    started = time.monotonic()
    edit(project / "docs/fr/group.md", "\n## ", "\nUne phrase ajoutée pour l'aperçu.\n\n## ")
    page.wait_for_function(
        "() => document.body?.innerText.includes('ajoutée pour l')", timeout=15000
    )
    print(f"edit of docs/fr/group.md in the browser after {time.monotonic() - started:.2f} s")
    assert page.evaluate("() => window.__notReloaded === undefined")  # the page reloaded itself
    page.close()


def test_a_mistake_is_shown_over_the_last_good_page_until_fixed(browser, preview):
    project, base = preview
    page = _open(browser, f"{base}/fr/roadmap/")
    source = project / "docs/fr/roadmap.md"
    good = source.read_text(encoding="utf-8")
    line = good.count("\n", 0, good.index("\n## ")) + 2  # the new line's number
    edit(source, "\n## ", '\n{{ ref("A9.9") }}\n\n## ')
    overlay = page.locator("#roadmap-live-problems")
    overlay.wait_for(timeout=15000)
    text = overlay.inner_text()
    assert f"docs/fr/roadmap.md:{line}" in text and "A9.9" in text, text
    assert page.locator("h1").first.is_visible()  # the last good page stays readable
    assert page.evaluate("() => window.__notReloaded === true")
    source.write_text(good, encoding="utf-8")
    page.wait_for_function("() => window.__notReloaded === undefined", timeout=15000)
    assert page.locator("#roadmap-live-problems").count() == 0
    page.close()


def test_the_built_site_has_no_live_reload(site):
    """The script is added by the preview server to what it sends, never written into a page."""
    carriers = [
        p
        for p in Path(site).rglob("*")
        if p.is_file() and p.suffix in (".html", ".js") and LIVE_PATH.encode() in p.read_bytes()
    ]
    assert carriers == []
