"""PDFs printed by Debian's Chromium through Playwright (never a browser Playwright downloads):
tagged, with an outline from the headings, on the paper size the edition's CSS asks for."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# Headless without a sandbox (CI runs as root) nor a GPU; nothing fetched in the background.
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
)


class PdfError(Exception):
    """Why a PDF could not be made; the message says what to install."""


def chromium() -> str:
    path = shutil.which("chromium")
    if not path:
        raise PdfError("Debian's chromium is needed to print PDFs: apt-get install chromium")
    return path


def _only_local(route) -> None:
    """A file of the disk loads; anything else would leave it, and is refused."""
    if route.request.url.startswith(("file:", "data:")):
        route.continue_()
    else:
        route.abort()


def print_all(jobs: list[tuple[Path, Path]]) -> None:
    """Each (HTML file, PDF path), printed in one browser started once.

    In a thread of its own: Playwright's synchronous API refuses to start in a thread that
    already runs an event loop (a caller driving a browser itself, such as the tests)."""
    with ThreadPoolExecutor(1) as pool:
        pool.submit(_print_all, jobs).result()


def _print_all(jobs: list[tuple[Path, Path]]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=list(FLAGS))
        try:
            for html, pdf in jobs:
                page = browser.new_page()
                page.route("**/*", _only_local)
                page.goto(html.resolve().as_uri(), wait_until="load")
                pdf.parent.mkdir(parents=True, exist_ok=True)
                page.pdf(
                    path=str(pdf),
                    tagged=True,
                    outline=True,
                    prefer_css_page_size=True,
                    print_background=True,
                )
                page.close()
        finally:
            browser.close()
