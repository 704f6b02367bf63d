"""What a page says of the draft it belongs to, read from that draft's data (data/drafts.yml):
its id, the deadline and address for comments on it, and example addresses and citations.

Each published draft thus states its own facts; none is written into a page's prose.
"""

from __future__ import annotations

from markupsafe import escape

from ..drafts import marked_day
from ..i18n import t
from ..model import Roadmap
from ..model.schema import Draft
from . import PAGE_OF_KIND, PageError
from .citation import cite_text


def deadline(draft: Draft, lang: str) -> str:
    """The sentence asking for comments on this draft by its deadline (or saying none is set)."""
    when = draft.comments.deadline
    if when is None:
        return t(lang, "facts.no_deadline", id=draft.id)
    return str(escape(t(lang, "facts.deadline", id=draft.id, day=marked_day(draft, lang, when))))


def address(draft: Draft, lang: str) -> str:
    """The sentence naming where comments on this draft are sent (or that it is to be confirmed)."""
    where = draft.comments.address
    if not where:
        return t(lang, "facts.no_address")
    return t(lang, "facts.address", address=f"`{where}`")


def permalink(draft: Draft, lang: str, root: str, page: str, item: str = "") -> str:
    """The permanent address of ``page`` (a name: 'roadmap') of this draft, as code."""
    return f"`{_url(draft, lang, root, page, item)}`"


def cite_example(draft: Draft, lang: str, root: str, title: str, page: str, item: str = "") -> str:
    """The cite box's citation of ``page`` (titled ``title``) or an item, the address as code."""
    url = _url(draft, lang, root, page, "")
    text = cite_text(draft, lang, title, url, item or None)
    full = f"{url}#{item}" if item else url
    return str(escape(text)).replace(full, f"`{full}`")


def check_item(roadmap: Roadmap, page: str, item: str) -> None:
    """An example names an item of the data on the page that shows it, or the page is wrong."""
    entry = roadmap.entries.get(item)
    if item and entry is None:
        raise PageError(f"'{item}' is not an item of the data (an id such as P1 or A1.3)")
    if entry is not None and PAGE_OF_KIND[entry.kind] != f"{page}.md":
        home = PAGE_OF_KIND[entry.kind].removesuffix(".md")
        raise PageError(f"'{item}' is shown on the page '{home}', not '{page}'")


def _url(draft: Draft, lang: str, root: str, page: str, item: str) -> str:
    path = "" if page in ("", "index") else f"{page}/"
    return f"{root}{lang}/{draft.id}/{path}" + (f"#{item}" if item else "")
