"""The print edition of a draft in one language: its pages in reading order, one document.

Made from the pages as built (their articles), so that paper shows exactly what the site
shows; ``print_ids`` makes their ids and links work inside one document.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

from markupsafe import Markup

from ..i18n import language, t
from ..i18n.formatting import format_day
from ..model import Roadmap
from ..model.schema import Draft
from . import PAGE_OF_KIND
from .print_ids import Part, rewrite, section_id
from .templating import render

_DROP = (
    re.compile(r'<aside class="roadmap-cite".*?</aside>', re.S),  # the masthead says it once
    re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S),
)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)


@dataclass
class Edition:
    lang: str
    draft: Draft
    address: str  # the draft's permanent address in this language, '.../en/draft-1/'
    styles: str  # the site's stylesheets, inlined: the document stands alone


def for_paper(article_html: str) -> str:
    """A page's article (what the engine's theme frames), without what paper does not need."""
    text = article_html
    for pattern in _DROP:
        text = pattern.sub("", text)
    return text


def title(article_html: str) -> str:
    found = _H1.search(article_html)
    return html_lib.unescape(re.sub(r"<[^>]+>", "", found[1])).strip() if found else ""


def css_string(text: str) -> str:
    """``text`` as a CSS string, safe inside a <style> element (no '</style>')."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return '"' + escaped.replace("\n", " ") + '"'


def document(edition: Edition, pages: list[tuple[str, str]], homes: dict[str, str]) -> str:
    """The whole edition as HTML: ``pages`` are (name, its article) in reading order,
    ``homes`` the page that shows each item id."""
    parts = [Part(stem, for_paper(html)) for stem, html in pages]
    bodies = rewrite(parts, homes, edition.address)
    lang, draft = edition.lang, edition.draft
    sections = [
        {
            "stem": part.stem,
            "id": section_id(part.stem),
            "title": title(part.html),
            "running": css_string(f"{draft.title.get(lang)} ({draft.id}) · {title(part.html)}"),
            "address": css_string(
                edition.address + ("" if part.stem == "index" else f"{part.stem}/")
            ),
            "html": Markup(body),
        }
        for part, body in zip(parts, bodies, strict=True)
    ]
    return render(
        "print.html",
        lang=language(lang),
        draft=draft,
        day=format_day(draft.date, lang),
        address=edition.address,
        sections=sections,
        styles=Markup(edition.styles),
        running=css_string(t(lang, "site.name")),
    )


def homes(roadmap: Roadmap) -> dict[str, str]:
    """Item id -> the page that shows it ('A1.3' -> 'workplan')."""
    return {i: PAGE_OF_KIND[e.kind].removesuffix(".md") for i, e in roadmap.entries.items()}
