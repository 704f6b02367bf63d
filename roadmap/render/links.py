"""URLs between pages for raw HTML (Markdown links are rewritten by mkdocs itself), and to the
sources an item comes from.

The site is built with directory URLs ('roadmap/'); the offline copy with file URLs
('roadmap.html'), because a browser opening files from disk does not look for index.html.
``FILE_URLS`` says which of the two the build in progress uses (set once per build).
"""

from __future__ import annotations

import posixpath
from contextvars import ContextVar
from dataclasses import dataclass

from ..model import Roadmap

FILE_URLS: ContextVar[bool] = ContextVar("FILE_URLS", default=False)
# The draft a build publishes (None: a preview). Its items carry a notice, hidden until a newer
# draft is published, that links to the same item there (set once per build, like FILE_URLS).
PUBLISHED_DRAFT: ContextVar[str | None] = ContextVar("PUBLISHED_DRAFT", default=None)
LATEST = "latest"  # mike's alias of the newest draft: /<lang>/latest/ redirects to it


def set_build(offline: bool, version: str | None) -> str | None:
    """Say what the build in progress is: an offline copy (file URLs) or not; the draft it
    publishes online, if any (its pages carry notices for when a newer one is published),
    which is returned."""
    FILE_URLS.set(offline)
    PUBLISHED_DRAFT.set(None if offline else version)
    return PUBLISHED_DRAFT.get()


def directory_url(src: str) -> str:
    """'roadmap.md' -> 'roadmap/', 'index.md' -> '' (use_directory_urls, as the site is built)."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def page_url(src: str) -> str:
    """The page's URL in the build in progress: directory form, or 'roadmap.html' offline."""
    return src.removesuffix(".md") + ".html" if FILE_URLS.get() else directory_url(src)


def _folder(src: str) -> str:
    """The folder a page's URL resolves relative links from, relative to the site root."""
    url = page_url(src)
    return (posixpath.dirname(url) if FILE_URLS.get() else url.rstrip("/")) or "."


def to_file(src: str, path: str) -> str:
    """A relative href from a page to a file of the site (``path`` from the site root)."""
    return posixpath.relpath(path, _folder(src))


@dataclass(frozen=True)
class Origin:
    """Where the sources of a build can be read online: the repository and the commit (a
    published draft) or branch (a preview) they come from."""

    repository: str  # e.g. https://github.com/<owner>/<name>
    ref: str

    def line(self, path: str, line: int) -> str:
        return f"{self.repository}/blob/{self.ref}/{path}#L{line}"

    def edit(self, branch: str, path: str) -> str:
        """The web editor of a file on ``branch`` (where changes are proposed)."""
        return f"{self.repository}/edit/{branch}/{path}"

    def guide(self, branch: str, anchor: str) -> str:
        return f"{self.repository}/blob/{branch}/CONTRIBUTING.md#{anchor}"


@dataclass(frozen=True)
class Source:
    href: str
    file: str
    line: int


@dataclass(frozen=True)
class Newer:
    """The same item in the newest draft, from an item of the published draft ``draft``."""

    href: str
    draft: str


class Linker:
    """Builds hrefs from one page to an anchor on another page (or the same one), and to the
    line of the data file an item comes from (when the build knows its ``origin``)."""

    def __init__(self, from_src: str, roadmap: Roadmap | None = None, origin: Origin | None = None):
        self.from_src = from_src
        self.roadmap, self.origin = roadmap, origin

    def source(self, item_id: str) -> Source | None:
        where = self.roadmap.locations.get(item_id) if self.roadmap else None
        if where is None or self.origin is None:
            return None
        return Source(self.origin.line(*where), *where)

    def newer(self, item_id: str) -> Newer | None:
        """Where a reader of this draft finds the item once a newer draft is published: the
        same page of `latest` (mike's redirect keeps the #item). None in a preview or offline
        copy (``set_build``)."""
        draft = PUBLISHED_DRAFT.get()
        if draft is None:
            return None
        url = page_url(self.from_src)
        return Newer("../" * (url.count("/") + 1) + f"{LATEST}/{url}#{item_id}", draft)

    def href(self, to_src: str, anchor: str = "") -> str:
        fragment = f"#{anchor}" if anchor else ""
        if FILE_URLS.get():
            if to_src == self.from_src:
                return fragment or posixpath.basename(page_url(to_src))
            return to_file(self.from_src, page_url(to_src)) + fragment
        if to_src == self.from_src:
            return fragment or "./"
        here, there = page_url(self.from_src) or ".", page_url(to_src) or "."
        rel = posixpath.relpath(there, here)
        return ("" if rel == "." else rel + "/") + fragment if rel != "." else "./" + fragment
