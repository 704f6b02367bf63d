"""The side-by-side views of a language's pages, read from its docs folder for the engine."""

from __future__ import annotations

from pathlib import Path

from ..i18n import DEFAULT
from ..translations.freshness import Status
from . import side_by_side
from .language_links import cross_link
from .links import directory_url

FOLDER = "compare"


def compare_pages(
    status: Status,
    lang: str,
    docs: tuple[Path, Path],
    version: str | None,
    only: frozenset[str] | None = None,
) -> dict[str, str]:
    """Page path (compare/<page>/index.md) -> its Markdown, for every English page;
    ``docs``: the English docs folder and this language's. ``only``: the views whose Markdown
    is needed (the preview renders a few pages); the others are named, empty."""
    english_dir, lang_dir = docs
    out = {}
    for src in sorted(p.relative_to(english_dir).as_posix() for p in english_dir.rglob("*.md")):
        url = compare_url(src)
        if only is not None and f"{url}index.md" not in only:
            out[f"{url}index.md"] = ""
            continue
        translated = lang_dir / src
        pages = (
            (english_dir / src).read_text(encoding="utf-8"),
            translated.read_text(encoding="utf-8") if translated.is_file() else None,
        )
        english_href = cross_link(url, directory_url(src), DEFAULT, version)
        out[f"{url}index.md"] = side_by_side.for_page(status, lang, src, pages, english_href)
    return out


def compare_url(src: str) -> str:
    return f"{FOLDER}/{src[: -len('.md')]}/"


def compare_href(lang: str, src: str, page_url: str) -> str | None:
    """The side-by-side view of a translated page, relative to the page (None: no view)."""
    if lang == DEFAULT or src.startswith(f"{FOLDER}/") or not src.endswith(".md"):
        return None
    return "../" * page_url.count("/") + compare_url(src)


def view_language_links(links: list[dict], view_src: str, version: str | None) -> list[dict]:
    """The language selector of a view: English has no view of its own, so its link goes to
    the English page the view shows; the other languages' links go to their views."""
    shown = view_src.removeprefix(f"{FOLDER}/").removesuffix("/index.md") + ".md"
    view_url = compare_url(shown)
    return [
        {**link, "href": cross_link(view_url, directory_url(shown), DEFAULT, version)}
        if link["code"] == DEFAULT
        else link
        for link in links
    ]


def edited_source(src: str, lang: str, fallback: bool) -> str:
    """The source file a page's edit button opens: its own, the English one a page not yet
    translated is shown from, or for a side-by-side view the translation it shows."""
    view = src.startswith(f"{FOLDER}/")
    shown = src.removeprefix(f"{FOLDER}/").removesuffix("/index.md") + ".md" if view else src
    return f"docs/{DEFAULT if fallback else lang}/{shown}"
