"""Links between the languages of one draft: same page, same version, other language."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from ..i18n import LANGUAGES


def language_links(page_url: str, current: str, version: str | None, site_url: str) -> list[dict]:
    """One link per language to the same page.

    Every language has the same page paths, so the link is relative and works on any host
    and port, with or without JavaScript. ``version`` is the draft being built by mike, if any.
    The 404 page is served at arbitrary depths, so it gets absolute paths from ``site_url``.
    ``url`` is the link made absolute, for <link rel="alternate" hreflang> in the page's head.
    """
    links = []
    for lang in LANGUAGES:
        if page_url.endswith("404.html"):
            lang_root = urlsplit(site_url).path.rstrip("/")
            root = (
                lang_root[: lang_root.rfind("/")]
                if version is None
                else lang_root[: lang_root.rfind("/", 0, lang_root.rfind("/"))]
            )
            href = f"{root}/{lang.code}/" + (f"{version}/" if version else "")
        else:
            href = cross_link(page_url, page_url, lang.code, version)
        links.append(
            {
                "code": lang.code,
                "name": lang.name,
                "dir": lang.direction,
                "href": href,
                "url": urljoin(site_url + page_url, href),
                "current": lang.code == current,
            }
        )
    return links


def cross_link(from_url: str, to_url: str, code: str, version: str | None) -> str:
    """A relative link from the page at ``from_url`` to the page at ``to_url`` in the
    language ``code`` (both page URLs as the engine gives them, e.g. 'group/')."""
    up = "../" * (from_url.count("/") + 1 + (1 if version else 0))
    return up + code + "/" + (f"{version}/" if version else "") + to_url


def online_language_links(dir_url: str, current: str, version: str | None, root: str) -> list[dict]:
    """Absolute links to the same page in every language on the site at ``root``: for a copy
    read from disk, which holds one language only."""
    path = "" if dir_url.endswith("404.html") else dir_url
    return [
        {
            "code": lang.code,
            "name": lang.name,
            "dir": lang.direction,
            "href": f"{root}{lang.code}/" + (f"{version}/" if version else "") + path,
            "current": lang.code == current,
        }
        for lang in LANGUAGES
    ]


def page_language_links(
    urls: tuple[str, str], current: str, version: str | None, site: tuple[str, str], disk: str
) -> list[dict]:
    """The language links of a page: ``urls`` are its address on the site and in this build
    (a file's, offline); ``site`` the configured address and the site's root; ``disk`` is
    "" online, "alone" for an offline copy of one language (the others are online), and
    "side-by-side" for a preview read from disk that holds every language."""
    url, file_url = urls
    if disk == "alone":
        return online_language_links(url, current, version, site[1])
    return language_links(file_url if disk else url, current, version, site[0])
