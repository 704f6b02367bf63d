"""URLs between pages for raw HTML (Markdown links are rewritten by mkdocs itself), and to the
sources an item comes from.

The site is built with directory URLs ('roadmap/'); the offline copy with file URLs
('roadmap.html'), because a browser opening files from disk does not look for index.html.
A page being rendered is a ``Here``: its source and how its build links (from the build's
``Build`` value, handed in with the page's context).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..drafts import LATEST
from ..model import Roadmap


@dataclass(frozen=True)
class Here:
    """The page being rendered: its source under docs/<lang>/, whether its build uses file
    URLs (the offline copy), and the draft its build publishes online (None: a preview or an
    offline copy), whose items carry a notice for when a newer draft is published."""

    src: str
    file_urls: bool = False
    published: str | None = None


def here(page: Here | str) -> Here:
    """A page given by its source alone is one of a preview: directory URLs, no draft."""
    return page if isinstance(page, Here) else Here(page)


def directory_url(src: str) -> str:
    """'roadmap.md' -> 'roadmap/', 'index.md' -> '' (use_directory_urls, as the site is built)."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def page_url(page: Here, src: str | None = None) -> str:
    """The URL of ``src`` (default: the page itself) in the page's build: directory form, or
    'roadmap.html' with file URLs."""
    src = page.src if src is None else src
    return src.removesuffix(".md") + ".html" if page.file_urls else directory_url(src)


def _folder(page: Here) -> str:
    """The folder a page's URL resolves relative links from, relative to the site root."""
    url = page_url(page)
    return (posixpath.dirname(url) if page.file_urls else url.rstrip("/")) or "."


def to_file(page: Here | str, path: str) -> str:
    """A relative href from a page to a file of the site (``path`` from the site root)."""
    return posixpath.relpath(path, _folder(here(page)))


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

    def __init__(
        self, page: Here | str, roadmap: Roadmap | None = None, origin: Origin | None = None
    ):
        self.page = here(page)
        self.from_src = self.page.src
        self.roadmap, self.origin = roadmap, origin

    def source(self, item_id: str) -> Source | None:
        where = self.roadmap.locations.get(item_id) if self.roadmap else None
        if where is None or self.origin is None:
            return None
        return Source(self.origin.line(*where), *where)

    def newer(self, item_id: str) -> Newer | None:
        """Where a reader of this draft finds the item once a newer draft is published: the
        same page of `latest` (mike's redirect keeps the #item). None in a preview or offline
        copy."""
        draft = self.page.published
        if draft is None:
            return None
        url = page_url(self.page)
        return Newer("../" * (url.count("/") + 1) + f"{LATEST}/{url}#{item_id}", draft)

    def href(self, to_src: str, anchor: str = "") -> str:
        fragment = f"#{anchor}" if anchor else ""
        page = self.page
        if page.file_urls:
            if to_src == page.src:
                return fragment or posixpath.basename(page_url(page))
            return to_file(page, page_url(page, to_src)) + fragment
        if to_src == page.src:
            return fragment or "./"
        rel = posixpath.relpath(page_url(page, to_src) or ".", page_url(page) or ".")
        return ("" if rel == "." else rel + "/") + fragment if rel != "." else "./" + fragment
