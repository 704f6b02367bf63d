"""The links to a draft's PDF and offline copy, put into the built pages that announce them."""

from __future__ import annotations

import posixpath
from pathlib import Path

from ..render.editions import MARKER, links


def fill(site_lang: Path, lang: str, href: dict[str, str], size: dict[str, int | None]) -> int:
    """Every page of ``site_lang`` with the marker gets the links; returns how many pages.

    ``href``: kind -> a path from the language's root, made relative to each page, or an
    absolute address (the offline copy links the files online).
    """
    filled = 0
    for page in sorted(site_lang.rglob("*.html")):
        if page.name == "404.html":  # served at any depth: relative links would break
            continue
        text = page.read_text(encoding="utf-8")
        if MARKER not in text:
            continue
        folder = page.parent.relative_to(site_lang).as_posix()
        here = {
            kind: h if "://" in h else posixpath.relpath(h, folder or ".")
            for kind, h in href.items()
        }
        page.write_text(text.replace(MARKER, links(lang, here, size)), encoding="utf-8")
        filled += 1
    return filled
