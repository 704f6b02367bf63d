"""Every #fragment of a built site names an id on the page it points to.

LinkChecker's AnchorCheck does this too, but parses the target page again for every link with
a fragment (about 1,800 here: 210 of its 218 seconds); this reads each page once. LinkChecker
still follows every link; this only looks at fragments.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []  # (line, href)

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        if tag == "a" and found.get("name"):
            self.ids.add(found["name"])
        if tag in ("a", "area") and found.get("href"):
            self.links.append((self.getpos()[0], found["href"]))


def broken(site: Path, site_url: str) -> tuple[list[str], int]:
    """The links whose fragment names no id on their page ('page:line: href: why'), and how
    many fragments were checked. ``site_url``: the address absolute links to the site start with."""
    pages: dict[Path, _Page] = {}
    for path in sorted(site.rglob("*.html")):
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path] = parser
    problems, checked = [], 0
    for path, page in pages.items():
        for line, href in page.links:
            target, fragment = _target(site, path, href, site_url)
            if target is None or not fragment:
                continue
            checked += 1
            where = f"{path.relative_to(site)}:{line}: {href}"
            if target not in pages:
                problems.append(f"{where}: no page {target.relative_to(site)}")
            elif fragment not in pages[target].ids:
                problems.append(f"{where}: no id '{fragment}' on that page")
    return problems, checked


def _target(site: Path, page: Path, href: str, site_url: str) -> tuple[Path | None, str]:
    """The built file a link points to (None: another site, or no file of ours), and its
    fragment."""
    if site_url and href.startswith(site_url):
        href = "/" + href[len(site_url) :]
    url = urlsplit(href)
    if url.scheme or url.netloc:
        return None, ""
    if not url.path:
        return page, unquote(url.fragment)
    base = site if url.path.startswith("/") else page.parent
    target = (base / unquote(url.path).lstrip("/")).resolve()
    if url.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return (target if target.suffix == ".html" else None), unquote(url.fragment)
