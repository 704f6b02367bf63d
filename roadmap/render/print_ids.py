"""One document from many pages: ids made unique, links between pages made links inside it.

Item ids (P1, A1.3, ...) stay as they are, so that ``#A1.3`` works in the print edition as on
the site; another id that two pages share gets the page's name in front (``group--observers``).
Links to pages of the document become links to their section; links to other files of the
draft become its permanent address, which paper shows.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass

_ID = re.compile(r'(\sid=")([^"]*)(")')
_REFS = re.compile(r'(\s(?:aria-labelledby|aria-describedby|headers)=")([^"]*)(")')
_HREF = re.compile(r'(\shref=")([^"]*)(")')
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


@dataclass
class Part:
    stem: str  # the page's name: 'roadmap' for roadmap.md, 'index' for the home page
    html: str  # its article


SECTION_PREFIX = "roadmap-page-"  # the id of each page's section in the print edition


def section_id(stem: str) -> str:
    return f"{SECTION_PREFIX}{stem}"


def page_dir(stem: str) -> str:
    """Where the page is on the site: 'roadmap/' ('' for the home page)."""
    return "" if stem == "index" else f"{stem}/"


def id_map(parts: list[Part], homes: dict[str, str]) -> dict[tuple[str, str], str]:
    """(page, id) -> the id in the document. ``homes``: item id -> the page that shows it."""
    count = Counter(i for part in parts for i in {m[2] for m in _ID.finditer(part.html)})
    out: dict[tuple[str, str], str] = {}
    for part in parts:
        for match in _ID.finditer(part.html):
            old = match[2]
            own = homes.get(old) == part.stem if old in homes else count[old] == 1
            out[(part.stem, old)] = old if own else f"{part.stem}--{old}"
    return out


def rewrite(parts: list[Part], homes: dict[str, str], address: str) -> list[str]:
    """Every part's article with document ids and links; ``address`` is the draft's root."""
    ids = id_map(parts, homes)
    stems = {page_dir(p.stem).rstrip("/") or ".": p.stem for p in parts}

    def href(stem: str, value: str) -> str:
        if _EXTERNAL.match(value):
            return value
        path, _, fragment = value.partition("#")
        target = posixpath.normpath(posixpath.join(page_dir(stem), path)) if path else None
        to = stem if target is None else stems.get(target)
        if to is None:  # another file of the draft: its permanent address
            where = "" if target == "." else str(target) + ("/" if path.endswith("/") else "")
            return address + where + (f"#{fragment}" if fragment else "")
        if not fragment:
            return "#" + section_id(to)
        return "#" + ids.get((to, fragment), fragment)

    def one(stem: str, html: str) -> str:
        def ref(m: re.Match) -> str:
            return m[1] + " ".join(ids.get((stem, i), i) for i in m[2].split()) + m[3]

        html = _ID.sub(lambda m: m[1] + ids[(stem, m[2])] + m[3], html)
        html = _REFS.sub(ref, html)
        return _HREF.sub(lambda m: m[1] + href(stem, m[2]) + m[3], html)

    return [one(part.stem, part.html) for part in parts]
