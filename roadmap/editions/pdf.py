"""PDFs printed by Debian's Chromium through Playwright (never a browser Playwright downloads):
tagged, with an outline from the headings, on the paper size the edition's CSS asks for."""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pypdf import PdfReader

from .. import chromium
from ..errors import RoadmapError
from ..render.print_ids import SECTION_PREFIX
from . import outline


class PdfError(RoadmapError):
    """Why a PDF could not be made; the message says what to install."""


async def _only_local(route) -> None:
    """A file of the disk loads; anything else would leave it, and is refused."""
    if route.request.url.startswith(("file:", "data:")):
        await route.continue_()
    else:
        await route.abort()


# Fills the edition's contents (print.html): each entry's page number, by its section's id.
_NUMBER_CONTENTS = """(pages) => {
  for (const cell of document.querySelectorAll('[data-contents-page]')) {
    cell.textContent = pages[cell.dataset.contentsPage] || '';
  }
}"""


async def _print(page, pdf: Path) -> None:
    await page.pdf(
        path=str(pdf), tagged=True, outline=True, prefer_css_page_size=True, print_background=True
    )


def contents_pages(pdf: Path) -> dict[str, str]:
    """Section id -> the number of the page it starts on, from the PDF's named destinations."""
    reader = PdfReader(pdf)
    found = {
        name.lstrip("/"): reader.get_destination_page_number(dest)
        for name, dest in reader.named_destinations.items()
        if name.lstrip("/").startswith(SECTION_PREFIX)
    }
    return {name: str(index + 1) for name, index in found.items() if index is not None}


def print_all(jobs: list[tuple[Path, Path]]) -> None:
    """Each (HTML file, PDF path), printed in one browser started once, as many at a time as
    there are cores (a quarter faster than one by one on two).

    In a thread of its own: asyncio.run refuses to start in a thread that already runs an
    event loop (a caller driving a browser itself, such as the tests)."""
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, _print_all(jobs)).result()


async def _print_all(jobs: list[tuple[Path, Path]]) -> None:
    from playwright.async_api import async_playwright

    at_once = asyncio.Semaphore(min(len(jobs), os.cpu_count() or 1) or 1)
    async with async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path=chromium.find(), args=list(chromium.FLAGS)
        )

        async def one(html: Path, pdf: Path) -> None:
            async with at_once:
                page = await browser.new_page()
                await page.route("**/*", _only_local)
                await page.goto(html.resolve().as_uri(), wait_until="load")
                pdf.parent.mkdir(parents=True, exist_ok=True)
                await _print(page, pdf)
                # Chromium cannot number the contents (no target-counter()): printed once, the
                # page of each section is read from the PDF, written in, and printed again.
                await page.evaluate(_NUMBER_CONTENTS, contents_pages(pdf))
                await _print(page, pdf)
                await page.close()
                outline.retitle(pdf, outline.headings(html.read_text(encoding="utf-8")))

        try:
            await asyncio.gather(*(one(html, pdf) for html, pdf in jobs))
        finally:
            await browser.close()
