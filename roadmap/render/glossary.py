"""The glossary: a table per language, and abbreviation tooltips on every page."""

from __future__ import annotations

from ..model import Roadmap
from .links import Here, Linker, Origin
from .templating import render_block
from .text import plain


def table(roadmap: Roadmap, lang: str, page_src: Here | str, origin: Origin | None = None) -> str:
    terms = sorted(roadmap.terms, key=lambda term: plain(term.term, lang).casefold())
    link = Linker(page_src, roadmap, origin)
    return render_block("glossary.html", terms=terms, lang=lang, link=link)


def abbreviations(roadmap: Roadmap, lang: str) -> str:
    """Markdown abbreviation definitions: Material shows them as tooltips where a term appears."""
    lines = []
    for term in roadmap.terms:
        definition = " ".join(plain(term.definition, lang).split())
        for word in (term.abbreviation, term.term):
            if word is not None:
                shown = plain(word, lang).replace("]", "")
                lines.append(f"*[{shown}]: {definition}")
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""
