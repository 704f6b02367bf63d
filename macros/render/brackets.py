"""Bracketed text, wordings still under negotiation, drawn (the syntax: ``model.brackets``).

Each option is drawn in its own box, numbered in words, with its square brackets kept, so
it reads right without colour, in print and to a screen reader.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..i18n import t
from ..model.brackets import OPTION as _ONE
from ..model.brackets import PASSAGE, count, stray
from ..model.schema import iter_texts
from .markdown import split_code


def count_markdown(markdown: str) -> int:
    return sum(count(part) for _, part, is_code in split_code(markdown) if not is_code)


def _passage_html(options: list[str], lang: str) -> str:
    if len(options) == 1:
        label = t(lang, "brackets.pending")
        return (f'<span class="roadmap-brackets roadmap-brackets--pending" role="group" '
                f'aria-label="{escape(label)}"><span class="roadmap-option">'
                f'<span class="roadmap-option__label">{escape(label)}</span>'
                f'[{options[0]}]</span></span>')
    label = t(lang, "brackets.alternatives", count=len(options))
    parts = [f'<span class="roadmap-option"><span class="roadmap-option__label">'
             f'{escape(t(lang, "brackets.option", n=i))}</span>[{text}]</span>'
             for i, text in enumerate(options, 1)]
    return (f'<span class="roadmap-brackets" role="group" aria-label="{escape(label)}">'
            + "".join(parts) + "</span>")


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
    return [(pos + offset, token) for pos, part, is_code in split_code(markdown) if not is_code
            for offset, token in stray(part)]


def count_data(roadmap, lang: str) -> int:
    """Bracketed passages in every data text, as read in ``lang``."""
    items = (roadmap.events + roadmap.actors + roadmap.phases + roadmap.activities
             + roadmap.funding_sources + roadmap.resources + roadmap.terms + roadmap.drafts)
    return sum(count(text.get(lang)) for _, text in iter_texts(items))
