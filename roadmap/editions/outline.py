"""The PDF's outline (bookmarks) titled with the edition's headings, as its reader reads them.

Chromium builds the outline from the headings but takes each title from the laid-out lines:
Arabic words come out in visual order (reversed), and a heading with an abbreviation or a line
break is doubled or run together ("CalendrierCalendrier"). Its entries follow the headings
one for one, so each gets its heading's text, in logical order.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

_HEADING = re.compile(r"h[1-6]")


class OutlineError(Exception):
    """The outline does not follow the headings: the titles cannot be matched."""


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.titles: list[str] = []
        self._open: list[str] | None = None
        self._tag = ""

    def handle_starttag(self, tag: str, attrs) -> None:
        if self._open is None and _HEADING.fullmatch(tag):
            self._open, self._tag = [], tag

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and tag == self._tag:
            self.titles.append(" ".join("".join(self._open).split()))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)


def headings(html: str) -> list[str]:
    """The text of every heading (h1 to h6) of a document, in document order."""
    parser = _Headings()
    parser.feed(html)
    return parser.titles


def entries(outline_root: DictionaryObject) -> list[DictionaryObject]:
    """The outline's entries in reading order (each before its children)."""
    found: list[DictionaryObject] = []

    def walk(node) -> None:
        while node is not None:
            entry = node.get_object()
            found.append(entry)
            walk(entry.get("/First"))
            node = entry.get("/Next")

    walk(outline_root.get("/First"))
    return found


def retitle(pdf: Path, titles: list[str]) -> None:
    """Give the outline entries of ``pdf`` the ``titles`` (its headings), one for one."""
    writer = PdfWriter(clone_from=PdfReader(pdf))
    root = writer.root_object.get("/Outlines")
    found = entries(root.get_object()) if root is not None else []
    if len(found) != len(titles):
        raise OutlineError(
            f"{pdf.name}: the outline has {len(found)} entries for {len(titles)} headings"
        )
    for entry, title in zip(found, titles, strict=True):
        entry[NameObject("/Title")] = TextStringObject(title)
    with open(pdf, "wb") as out:
        writer.write(out)


def titles(pdf: Path) -> list[str]:
    """The outline's titles, in reading order (for checks)."""
    root = PdfReader(pdf).root_object.get("/Outlines")
    return [str(e.get("/Title", "")) for e in entries(root.get_object())] if root else []
