"""The draft being read: its status, and the downloads of its data."""

from __future__ import annotations

from ..downloads import FOLDER, NAMES
from ..i18n.formatting import format_day
from ..model import Roadmap
from ..model.schema import Draft
from .links import Here, to_file
from .templating import render


def status(roadmap: Roadmap, lang: str, draft: Draft | None = None) -> str:
    draft = draft or roadmap.current_draft
    return render("draft_status.html", draft=draft, lang=lang, day=format_day(draft.date, lang))


def downloads(lang: str, src: Here | str) -> str:
    """Links to this draft's data files, relative to the page (they are not Markdown pages)."""
    href = {k: to_file(src, f"{FOLDER}/{v}") for k, v in NAMES.items()}
    return render("downloads.html", lang=lang, href=href)
