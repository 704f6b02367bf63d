"""URLs between pages for raw HTML (Markdown links are rewritten by mkdocs itself)."""

from __future__ import annotations

import posixpath


def page_url(src: str) -> str:
    """'roadmap.md' -> 'roadmap/', 'index.md' -> '' (use_directory_urls, as the site is built)."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


class Linker:
    """Builds hrefs from one page to an anchor on another page (or the same one)."""

    def __init__(self, from_src: str):
        self.from_src = from_src

    def href(self, to_src: str, anchor: str = "") -> str:
        fragment = f"#{anchor}" if anchor else ""
        if to_src == self.from_src:
            return fragment or "./"
        here, there = page_url(self.from_src) or ".", page_url(to_src) or "."
        rel = posixpath.relpath(there, here)
        return ("" if rel == "." else rel + "/") + fragment if rel != "." else "./" + fragment
