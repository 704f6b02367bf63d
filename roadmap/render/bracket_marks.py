"""Bracketed text, wordings still under negotiation, drawn (the syntax: ``model.brackets``).

Each option is drawn in its own box, numbered in words, with its square brackets kept, so
it reads right without colour, in print and to a screen reader.
"""

from __future__ import annotations

from markupsafe import Markup

from ..model.brackets import OPTION as _ONE
from ..model.brackets import PASSAGE, count, stray
from ..model.schema import iter_texts
from ..page_source import split_code
from .templating import render


def count_markdown(markdown: str) -> int:
    return sum(count(part) for _, part, is_code in split_code(markdown) if not is_code)


def _passage_html(options: list[str], lang: str) -> str:
    # The options are Markdown or already-escaped HTML: they enter the template as they are.
    return render("brackets.html", options=[Markup(o) for o in options], lang=lang)


def render_html(escaped: str, lang: str) -> Markup:
    """Bracket markup for a text that is already HTML-escaped."""
    return Markup(PASSAGE.sub(lambda m: _passage_html(_ONE.findall(m.group(0)), lang), escaped))


def render_markdown(markdown: str, lang: str) -> tuple[str, int]:
    """Bracket markup in a Markdown page (code left alone), and how many passages it holds."""
    total = 0
    out = []
    for _, part, is_code in split_code(markdown):
        if not is_code:
            total += count(part)
            part = PASSAGE.sub(lambda m: _passage_html(_ONE.findall(m.group(0)), lang), part)
        out.append(part)
    return "".join(out), total


def unmatched(markdown: str) -> list[tuple[int, str]]:
    """Offsets of '[[' and ']]' outside code that belong to no passage: a typing mistake."""
    return [
        (pos + offset, token)
        for pos, part, is_code in split_code(markdown)
        if not is_code
        for offset, token in stray(part)
    ]


def count_data(roadmap, lang: str) -> int:
    """Bracketed passages in every data text, as read in ``lang``."""
    items = (
        roadmap.events
        + roadmap.actors
        + roadmap.phases
        + roadmap.activities
        + roadmap.funding_sources
        + roadmap.resources
        + roadmap.terms
        + roadmap.drafts
    )
    return sum(count(text.get(lang)) for _, text in iter_texts(items))
