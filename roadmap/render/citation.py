"""What a draft's pages say about it: the citation of the page and of each item, ready to copy,
and the notice of an old draft, shown once a newer one is published."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..drafts import LATEST, marked_day
from ..i18n import t
from ..model import Roadmap
from ..model.schema import Draft
from ..site import NEWEST_CSS
from .print_edition import css_string

_ID = re.compile(r'\sid="([^"]+)"')


def citation(
    draft: Draft, lang: str, root: str, page_url: str, page_title: str, items: Iterable[str] = ()
) -> dict:
    """The permanent address of this page of this draft, what identifies the draft, and the
    citation of the page and of each of its ``items`` (ids, in page order), ready to copy."""
    url = f"{root}{lang}/{draft.id}/{page_url}"
    return {
        "url": url,
        "id": draft.id,
        "title": draft.title.get(lang),
        "date": marked_day(draft, lang),
        "symbol": draft.symbol,
        "text": cite_text(draft, lang, page_title, url),
        "sheet": css_string(f"{draft.title.get(lang)} ({draft.id}) · {url}"),
        "items": [
            {"id": i, "url": f"{url}#{i}", "text": cite_text(draft, lang, page_title, url, i)}
            for i in items
        ],
    }


def items_shown(page_html: str, roadmap: Roadmap) -> list[str]:
    """The ids of the items (phases, objectives, milestones, activities, ...) that a built page
    shows as targets of a link, in page order, each once."""
    found = (i for i in _ID.findall(page_html) if i in roadmap.entries)
    return list(dict.fromkeys(found))


def cite_text(draft: Draft, lang: str, page_title: str, url: str, item: str | None = None) -> str:
    """'"Draft roadmap", <draft title> (draft-2), <date>[, <symbol>], item P1, <address>#P1',
    in the language's quotation marks and punctuation."""
    date = marked_day(draft, lang)
    if draft.symbol:  # an official document's symbol follows its date
        date += t(lang, "list.separator") + draft.symbol
    values = {"page": page_title, "draft": draft.title.get(lang), "id": draft.id, "date": date}
    if item is None:
        return t(lang, "cite.text", url=url, **values)
    return t(lang, "cite.item_text", url=f"{url}#{item}", item=item, **values)


def banner(draft: Draft, lang: str, page_url: str, published: str | None = None) -> dict:
    """What the notice of an old draft says. ``published``: the draft, when the build is of
    the published site, where the site's NEWEST_CSS (``stylesheet``) shows the notice once a
    newer draft exists."""
    up = "../" * (page_url.count("/") + 1)  # to the language's folder, beside `latest`
    # The 404 page is served at any depth: the banner only names the draft.
    href = None if page_url.endswith("404.html") else up + f"{LATEST}/{page_url}"
    return {
        "published": published,
        "stylesheet": f"{up}../{NEWEST_CSS}" if published and href else None,  # the site's root
        "text": t(
            lang,
            "banner.outdated",
            title=draft.title.get(lang),
            id=draft.id,
            date=marked_day(draft, lang),
        ),
        "link": t(lang, "banner.link"),
        "href": href,
    }
