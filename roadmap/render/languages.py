"""Links between the languages of one draft: same page, same version, other language."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..i18n import LANGUAGES


def language_links(page_url: str, current: str, version: str | None, site_url: str) -> list[dict]:
    """One link per language to the same page.

    Every language has the same page paths, so the link is relative and works on any host
    and port, with or without JavaScript. ``version`` is the draft being built by mike, if any.
    The 404 page is served at arbitrary depths, so it gets absolute paths from ``site_url``.
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
            up = "../" * (page_url.count("/") + 1 + (1 if version else 0))
            href = up + lang.code + "/" + (f"{version}/" if version else "") + page_url
        links.append(
            {
                "code": lang.code,
                "name": lang.name,
                "dir": lang.direction,
                "href": href,
                "current": lang.code == current,
            }
        )
    return links


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
