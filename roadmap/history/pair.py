"""Two drafts' sources side by side, as values: read by ``draft_sources``, compared in render."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import DEFAULT
from ..model.schema import Draft


@dataclass(frozen=True)
class Sources:
    data: dict[str, dict]  # data file name -> parsed YAML
    pages: dict[str, dict[str, str]]  # lang -> page path under docs/<lang>/ -> Markdown

    def pages_of(self, lang: str) -> dict[str, str]:
        """What the language build shows: its own page, else the English one under a notice."""
        own, english = self.pages.get(lang, {}), self.pages.get(DEFAULT, {})
        return {path: own.get(path, text) for path, text in english.items()} | own


@dataclass(frozen=True)
class DraftPair:
    """The draft being built and the one before it, with both drafts' sources."""

    previous: Draft | None  # None: nothing to compare with
    first: bool  # the draft being built is the first of all
    before: Sources | None = None
    now: Sources | None = None
