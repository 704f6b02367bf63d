"""Cross-references between pages, by data id."""

from __future__ import annotations

import difflib
import posixpath
from typing import Any

from markupsafe import escape

from ..i18n import t
from ..model import Roadmap
from . import PAGE_OF_KIND, PageError
from .text import plain


def relative(from_src: str, to_src: str) -> str:
    """A Markdown link path from one page source to another (both relative to docs/<lang>/)."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def ref(roadmap: Roadmap, item_id: str, lang: str, from_src: str) -> str:
    """A Markdown link to an item, labelled in the page's language; mkdocs validates the anchor."""
    entry = roadmap.entries.get(item_id)
    if entry is None:
        close = difflib.get_close_matches(item_id, list(roadmap.entries), n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise PageError(
            f"ref('{item_id}'): no phase, objective, milestone, deliverable, activity, "
            f"resource, event or term has this id{hint} (every id is listed on the "
            "glossary, road map, work plan and resources pages, and in data/)"
        )
    item: Any = entry.item  # of the kind entry.kind names
    if entry.kind == "event":
        label = plain(item.title, lang)
        title = ""
    elif entry.kind == "term":
        label = plain(item.term, lang)
        title = plain(item.definition, lang)
    else:
        label = t(lang, f"ref.{entry.kind}", id=item_id)
        title = plain(getattr(item, "title", None) or item.text, lang)
    href = relative(from_src, PAGE_OF_KIND[entry.kind]) + "#" + item_id
    label_md = str(escape(label)).replace("[", "\\[").replace("]", "\\]")
    title_md = f' "{escape(title)}"' if title else ""
    return f"[{label_md}]({href}{title_md})"
