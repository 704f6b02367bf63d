"""The print edition of one language, written from its built pages beside them."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..engine import engine
from ..model import Roadmap
from ..render import print_edition
from ..site import NEWEST_CSS
from . import fonts

_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')


def built_page(site_lang: Path, src: str) -> Path:
    """Where the site (directory URLs) put the page ``src`` of the nav ('roadmap.md')."""
    stem = src.removesuffix(".md")
    return site_lang / ("index.html" if stem == "index" else f"{stem}/index.html")


def styles(site_lang: Path) -> str:
    """The site's own stylesheets, in the order its home page links them; not the published
    site's newest-draft.css, outside the draft (the edition is of the newest draft)."""
    home = (site_lang / "index.html").read_text(encoding="utf-8")
    hrefs = [
        h
        for h in _STYLESHEET.findall(home)
        if not h.startswith(("http:", "https:")) and not h.endswith(f"/{NEWEST_CSS}")
    ]
    return "\n".join((site_lang / h).read_text(encoding="utf-8") for h in hrefs)


def write(site_lang: Path, out: Path, nav: list[str], roadmap: Roadmap, edition_of) -> Path:
    """``out``: the print edition's HTML; ``edition_of(styles)`` gives its Edition."""
    pages = [
        (src.removesuffix(".md"), engine().article(built_page(site_lang, src).read_text("utf-8")))
        for src in nav
    ]
    edition = edition_of(styles(site_lang))
    html = print_edition.document(edition, pages, print_edition.homes(roadmap))
    cjk = fonts.faces(html)  # cut to the characters of the edition, once it is written
    if cjk:
        edition = replace(edition, styles=cjk + "\n" + edition.styles)
        html = print_edition.document(edition, pages, print_edition.homes(roadmap))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return out
