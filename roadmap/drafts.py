"""Which draft a build is, where the site is, and how a draft is named (its date marked when
illustrative); what its pages say about it (cite box, old-draft banner) is render/citation.py."""

from __future__ import annotations

import datetime as dt

from .errors import RoadmapError
from .i18n import CODES, t
from .i18n.formatting import format_day
from .model import Roadmap
from .model.schema import Draft


class DraftError(RoadmapError):
    """The version being built is not a draft of data/drafts.yml."""


LATEST = "latest"  # mike's alias of the newest published draft: /<lang>/latest/ redirects to it


def being_built(roadmap: Roadmap, version: str | None) -> Draft:
    if version is None:
        return roadmap.current_draft
    for draft in roadmap.drafts:
        if draft.id == version:
            return draft
    known = ", ".join(d.id for d in roadmap.drafts)
    raise DraftError(f"version '{version}' is not a draft of data/drafts.yml (drafts: {known})")


def site_root(site_url: str | None, lang: str, version: str | None) -> str:
    """The public address of the whole site, without language or draft (idempotent)."""
    root = (site_url or "http://127.0.0.1:8000/").rstrip("/") + "/"
    if version and root.endswith(f"/{version}/"):
        root = root[: -len(version) - 1]
    for code in CODES:
        if root.endswith(f"/{code}/"):
            root = root[: -len(code) - 1]
    return root


def marked_day(draft: Draft, lang: str, when: dt.date | None = None) -> str:
    """The draft's date (or another of its dates), marked when it was invented for the draft
    (an illustrative draft)."""
    day = format_day(when or draft.date, lang)
    return f"{day} ({t(lang, 'illustrative.mark')})" if draft.illustrative else day


def version_title(draft: Draft, lang: str) -> str:
    """The draft's name in the version selector."""
    return t(
        lang,
        "draft.version_title",
        number=draft.number,
        title=draft.title.get(lang),
        date=marked_day(draft, lang),
    )
