"""The status of the draft being read."""

from __future__ import annotations

from ..i18n.formatting import format_day
from ..model import Roadmap
from .templating import render


def status(roadmap: Roadmap, lang: str) -> str:
    draft = roadmap.current_draft
    return render("draft_status.html", draft=draft, lang=lang, day=format_day(draft.date, lang),
                  number=len(roadmap.drafts))
