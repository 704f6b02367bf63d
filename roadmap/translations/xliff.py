"""XLIFF, the exchange format of translators' tools, made and read by translate-toolkit.

Export: one trans-unit per data text and interface string, its id the unit's source
(``data/phases.yml#P1.title``), its English as source and the translation as target. An
outdated translation is flagged ``needs-review-translation`` with a note; a missing one has
no target. Pages are Markdown, which translators edit directly: they are not in the file.

Import: refused whole when any English in the file is no longer today's English (the file
was made before an edit: export again). Each target that differs from the text in the YAML
is written there; each unit the translator left unflagged is recorded as current.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from translate.storage import xliff

from ..i18n import DEFAULT
from .freshness import Status
from .units import Unit

_FILE = "chm-roadmap"
_REVIEW = "needs-review-translation"


def export(units: list[Unit], status: Status, lang: str) -> bytes:
    store: xliff.xlifffile = xliff.xlifffile(sourcelanguage=DEFAULT, targetlanguage=lang)
    for unit in units:
        if unit.kind == "section":
            continue
        xu = store.addsourceunit(unit.english, filename=_FILE, createifmissing=True)
        xu.setid(unit.source)
        state = status.state(lang, unit.source)
        if state == "missing":
            continue
        xu.target = unit.texts[lang]
        xu.markapproved(state == "current")
        target = xu.xmlelement.find(xu.namespaced("target"))
        target.set("state", "translated" if state == "current" else _REVIEW)
        if state == "outdated":
            xu.addnote("The English changed since this was translated: review it.", "developer")
    return bytes(store)


@dataclass
class Parsed:
    lang: str
    targets: dict[str, str] = field(default_factory=dict)  # source -> translation
    reviewed: set[str] = field(default_factory=set)  # sources the translator left unflagged
    english: dict[str, str] = field(default_factory=dict)  # source -> English in the file


def parse(content: bytes) -> Parsed:
    store = xliff.xlifffile.parsestring(content)
    parsed = Parsed(store.gettargetlanguage() or "")
    for xu in store.units:
        source = xu.xmlelement.get("id") or ""
        parsed.english[source] = str(xu.source or "")
        target = str(xu.target or "")  # as it is: a separator may be ", "
        if target.strip():
            parsed.targets[source] = target
            if _reviewed(xu):
                parsed.reviewed.add(source)
    return parsed


def _reviewed(xu) -> bool:
    """Approved, or a target whose state no longer asks for work ('needs-...')."""
    target = xu.xmlelement.find(xu.namespaced("target"))
    state = target.get("state", "") if target is not None else ""
    return xu.xmlelement.get("approved") == "yes" or not state.startswith("needs-")


def stale(parsed: Parsed, units: list[Unit]) -> list[str]:
    """Sources whose English in the file is not today's (or that no longer exist)."""
    today = {u.source: u.english for u in units if u.kind != "section"}
    return [
        source
        for source, english in parsed.english.items()
        if source not in today or english.split() != today[source].split()
    ]
