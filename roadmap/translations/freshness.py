"""Which translations are current: the one computation that the command, the notices, the
status page, the side-by-side view and the publishing gate all read.

A translation is *current* when the English it was recorded against (its fingerprint in
``translations/<lang>.yml``) is the English of today; *unreviewed* when it has no record yet
(written with its English, say, in the same pull request); *outdated* when the English changed
after the recorded translation; *missing* when there is none. Editing a translation changes
nothing here: only recording it (``roadmap translations mark`` or ``import``, or the
pull request's ``translations-reviewed`` label) makes it current.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from ..i18n import CODES, DEFAULT
from .units import Unit

State = Literal["current", "unreviewed", "outdated", "missing"]
STATES: tuple[State, ...] = ("current", "unreviewed", "outdated", "missing")
TRANSLATED = tuple(c for c in CODES if c != DEFAULT)  # the languages translated from English


def fingerprint(english: str) -> str:
    """A short SHA-256 of the text with its whitespace normalised (rewrapping is no change)."""
    return hashlib.sha256(" ".join(english.split()).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Entry:
    lang: str
    unit: Unit
    state: State
    recorded: str | None = None  # the fingerprint of the English it was made from, if any

    @property
    def source(self) -> str:
        return self.unit.source

    def as_json(self) -> dict:
        return {"lang": self.lang, "source": self.source, "state": self.state}


@dataclass(frozen=True)
class Summary:
    lang: str
    counts: dict[str, int]
    terms: int = 0  # glossary terms a translation does not use (terms.py)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def percent(self) -> float:
        return 100.0 * self.counts.get("current", 0) / self.total if self.total else 100.0


@dataclass(frozen=True)
class Status:
    entries: tuple[Entry, ...]
    term_counts: dict[str, int] = field(default_factory=dict)

    def of(self, lang: str) -> list[Entry]:
        return [e for e in self.entries if e.lang == lang]

    def pending(self, lang: str | None = None) -> list[Entry]:
        """Unreviewed, outdated or missing, in one language or all."""
        return [e for e in self.entries if e.state != "current" and lang in (None, e.lang)]

    def state(self, lang: str, source: str) -> State | None:
        return self._by_key.get((lang, source))

    @cached_property
    def _by_key(self) -> dict[tuple[str, str], State]:
        return {(e.lang, e.source): e.state for e in self.entries}

    def summary(self, lang: str) -> Summary:
        counts = Counter(e.state for e in self.of(lang))
        return Summary(lang, {s: counts.get(s, 0) for s in STATES}, self.term_counts.get(lang, 0))

    def outdated_sections(self, lang: str, page_source: str) -> list[str]:
        """The ids of the sections of ``docs/en/<page>.md`` outdated in ``lang``."""
        prefix = page_source + "#"
        return [
            e.source[len(prefix) :]
            for e in self.of(lang)
            if e.state == "outdated" and e.source.startswith(prefix)
        ]


def compute(units: list[Unit], records: dict[str, dict[str, str]]) -> Status:
    """``records``: language -> source -> the fingerprint of the English it was made from."""
    entries = []
    for lang in TRANSLATED:
        recorded = records.get(lang, {})
        for unit in units:
            record = recorded.get(unit.source)
            entries.append(Entry(lang, unit, _state(unit, lang, record), record))
    return Status(tuple(entries))


def _state(unit: Unit, lang: str, record: str | None) -> State:
    if not unit.texts.get(lang, "").strip():
        return "missing"
    if record is None:
        return "unreviewed"
    return "current" if record == fingerprint(unit.english) else "outdated"


def select(units: list[Unit], wanted: list[str]) -> tuple[list[Unit], list[str]]:
    """The units that ``wanted`` names (a source; a whole file: docs/en/group.md, data/phases.yml;
    or an item with all its texts: data/phases.yml#P1), and the names that match nothing."""
    chosen: dict[str, Unit] = {}
    unknown = []
    for name in wanted:
        found = [u for u in units if name in (u.source, u.file) or u.source.startswith(name + ".")]
        if not found:
            unknown.append(name)
        chosen.update((u.source, u) for u in found)
    return list(chosen.values()), unknown
