"""A draft's translations for the next draft's translators: a translation memory (TMX) per
language and the glossary as a termbase (TBX), made with translate-toolkit.

The memory holds each current translation beside its English, one translation unit per page
section's paragraph, data text and interface string, its ``tuid`` the name it has in the
XLIFF exchange (``docs/en/group.md#mandate/p2``, ``data/phases.yml#P1.title``): the records'
names, a section's paragraphs numbered after it. Outdated,
unreviewed and missing translations are left out: a memory offers only what was reviewed
against that English. The termbase holds every glossary term in the six languages, with its
abbreviation and the English definition.
"""

from __future__ import annotations

from pathlib import Path

from translate.storage import tbx, tmx

from ..downloads import FOLDER
from ..i18n import CODES, DEFAULT
from ..model.schema import Term
from .freshness import Status
from .units import Unit
from .xliff import segments


def tmx_name(draft_id: str, lang: str) -> str:
    return f"chm-roadmap-{draft_id}-en-{lang}.tmx"


def tbx_name(draft_id: str) -> str:
    return f"chm-roadmap-{draft_id}-glossary.tbx"


def memory(units: list[Unit], status: Status, lang: str) -> bytes:
    """TMX: English -> ``lang``, every current translation."""
    store = tmx.tmxfile(sourcelanguage=DEFAULT, targetlanguage=lang)
    for unit in units:
        if status.state(lang, unit.source) != "current":
            continue
        for name, english, text in segments(unit, lang):
            tu = store.addsourceunit(english, DEFAULT)
            tu.settarget(text, lang)
            tu.xmlelement.set("tuid", name)
    return bytes(store)


def termbase(terms: list[Term]) -> bytes:
    """TBX: a term entry per glossary term, a language set per language that has it."""
    store = tbx.tbxfile(sourcelanguage=DEFAULT)
    for term in terms:
        entry = store.addsourceunit(term.term.root[DEFAULT])
        entry.setid(term.id)
        entry.set_source_terms(_forms(term, DEFAULT), DEFAULT)
        for lang in CODES:
            if lang != DEFAULT and term.term.root.get(lang):
                entry.set_target_terms(_forms(term, lang), lang)
        entry.addnote(term.definition.root[DEFAULT])
    return bytes(store)


def _forms(term: Term, lang: str) -> list[str]:
    """The term, then its abbreviation in that language where it has one."""
    abbreviation = term.abbreviation.root.get(lang) if term.abbreviation else None
    return [term.term.root[lang], *([abbreviation] if abbreviation else [])]


def kinds(lang: str) -> tuple[str, ...]:
    """What ``write`` makes for a language, in its order (the kinds of the downloads' links)."""
    return ("tbx",) if lang == DEFAULT else ("tbx", "tmx")


def paths(draft_id: str, lang: str) -> dict[str, str]:
    """Kind -> path from the language's site root, of what ``write`` makes."""
    names = {"tbx": tbx_name(draft_id), "tmx": tmx_name(draft_id, lang)}
    return {kind: f"{FOLDER}/{names[kind]}" for kind in kinds(lang)}


def write(
    site_lang: Path, draft_id: str, lang: str, units: list[Unit], status: Status, terms
) -> list[Path]:
    """Into a language's downloads/: its memory (none for English) and the termbase."""
    made = {"tbx": lambda: termbase(terms), "tmx": lambda: memory(units, status, lang)}
    out = []
    for kind, path in paths(draft_id, lang).items():
        out.append(site_lang / path)
        out[-1].parent.mkdir(parents=True, exist_ok=True)
        out[-1].write_bytes(made[kind]())
    return out
