"""The side-by-side view of a translated page: English and the translation, section by section
(by heading id) and, for the data the page shows, text by text (by item id).

A Markdown page of its own (``compare/<page>/``), made without script: each column carries
its language and direction; outdated sections and texts are marked. Headings go one level down
with ids of their own (``en--mandate``, ``fr--mandate``), links become their text (the view is
for reading side by side), and macros are replaced: the data's texts are compared below.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from markupsafe import Markup, escape

from ..i18n import DEFAULT, LANGUAGES, language, t
from ..translations.freshness import Entry, Status
from ..translations.units import TOP, sections
from . import bracket_marks
from .catalogue import data_shown
from .description import lead
from .templating import render_page
from .translations import notice

_HEADING = re.compile(r"^(#{1,5})[ \t]+(.*?)[ \t]*(?:\{[^}\n]*\})?[ \t]*#*[ \t]*$", re.MULTILINE)
_LINK = re.compile(r"!?\[([^\]\[]*)\]\([^)\n]*\)")
_BLOCK_MACRO = re.compile(r"^[ \t]*\{\{.*?\}\}[ \t]*$|^[ \t]*\{%.*?%\}[ \t]*$", re.MULTILINE)
_REF = re.compile(r"\{\{-?\s*ref\(\s*[\"']([^\"']+)[\"']\s*\)\s*-?\}\}")
_INLINE_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
# A paragraph's anchor ('{#tor-1}' on a line of its own): both columns would give the same id.
_ANCHOR = re.compile(r"^\{:?[ \t]*#[^}\n]*\}[ \t]*\n?", re.MULTILINE)


def for_page(
    status: Status, lang: str, page_src: str, pages: tuple[str, str | None], english_href: str
) -> str:
    """The view of ``page_src`` (e.g. group.md) in ``lang``; ``pages``: its English Markdown
    and its translation (None: not translated); ``english_href``: the English page."""
    source = f"docs/{DEFAULT}/{page_src}"
    states = {
        e.source.split("#", 1)[1]: e.state
        for e in status.of(lang)
        if e.unit.kind == "section" and e.unit.file == source
    }
    shown = data_shown(pages[0])
    texts = [e for e in status.of(lang) if e.unit.source in shown]
    return page(lang, page_src, pages, states, texts, english_href)


def page(
    lang: str,
    page_src: str,
    pages: tuple[str, str | None],
    states: Mapping[str, str],
    texts: list[Entry],
    english_href: str,
) -> str:
    """The view's Markdown. ``states``: section id -> state in ``lang``; ``texts``: the data
    texts the page shows, with their state in ``lang``; ``page_src``: e.g. group.md."""
    english, translated = pages
    ours = sections(translated) if translated is not None else {}
    rows = []
    for ident, (_, en_text) in sections(english).items():
        state = states.get(ident, "missing")
        fr_text = ours.get(ident, (0, ""))[1]
        rows.append(
            {
                "english": Markup(_column(en_text, DEFAULT, ident)),
                "translated": Markup(_column(fr_text, lang, ident)) if fr_text.strip() else "",
                "state": state,
                "notice": Markup(notice(lang, _section(english_href, ident)))
                if state == "outdated"
                else "",
            }
        )
    title = t(lang, "translations.compare_title", page=_title(translated or english))
    intro = t(lang, "translations.compare_intro")
    return render_page(
        "compare.md.j2",
        lang=lang,
        english=DEFAULT,
        names={code.code: code.name for code in LANGUAGES},
        meta={"dir": language(lang).direction, "english_dir": language(DEFAULT).direction},
        title=title,
        # Its own, for search engines: the title, then the intro that every view shares.
        description=lead(f"<p>{escape(title)} — {escape(intro)}</p>"),
        back=f"../../{page_src}",
        rows=rows,
        texts=texts,
        text_html=lambda value, code: bracket_marks.render_html(str(escape(value)), code),
    )


def _title(markdown: str) -> str:
    found = re.search(r"^#[ \t]+(.+?)[ \t]*(?:\{[^}]*\})?[ \t]*$", markdown, re.MULTILINE)
    return found.group(1) if found else ""


def _section(page_href: str, ident: str) -> str:
    return page_href if ident == TOP else f"{page_href}#{ident}"


def _column(markdown: str, lang: str, section: str) -> str:
    """A section made to stand in a column: headings one level down with ids of this
    column, links as their text, macros replaced, bracketed passages drawn."""

    def heading(m: re.Match) -> str:
        ident = section if m.start() == _first_heading(markdown) else f"{section}-{m.start()}"
        return f"{m.group(1)}# {m.group(2)} {{#{lang}--{ident}}}"

    out = _HEADING.sub(heading, _ANCHOR.sub("", markdown))
    out = _LINK.sub(r"\1", out)
    out = _BLOCK_MACRO.sub(f"*{t(lang, 'translations.compare_from_data')}*", out)
    out = _REF.sub(r"\1", out)
    out = _INLINE_MACRO.sub("…", out)
    return bracket_marks.render_markdown(out, lang)[0]


def _first_heading(markdown: str) -> int:
    found = _HEADING.search(markdown)
    return found.start() if found else -1
