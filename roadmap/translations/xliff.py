"""XLIFF 1.2, the exchange format of translators' tools, made and read with translate-toolkit.

Export: a ``<file>`` per English file (a page, a data file, the interface strings), a
trans-unit per page section, data text and interface string, its id the unit's source
(``docs/en/group.md#mandate``, ``data/phases.yml#P1.title``), also given as its location
(which survives a conversion to PO and back). The English is the source and the translation
the target, their codes as inline elements (``inline``). The state of each translation:

- missing: no target;
- unreviewed (never recorded) and outdated: ``needs-review-translation``; an outdated one
  also carries the English it was made from, as an ``alt-trans`` and in its note;
- current: ``translated``, approved.

Every unit has a note naming the file, line and item or section, its state, and the
translation it was exported over (a fingerprint): import refuses to overwrite a translation
changed in the project since.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from translate.storage import xliff

from ..i18n import DEFAULT
from . import inline
from .freshness import Status, fingerprint
from .units import Unit

NS = "urn:oasis:names:tc:xliff:document:1.2"
_SKELETON = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="{NS}"><file original="NoName" source-language="{DEFAULT}"
 datatype="plaintext"><body></body></file></xliff>"""
_REVIEW = "needs-review-translation"
_BASE = re.compile(r"exported over (?:no (\w+) translation|the (\w+) translation (\w+))")
_STATE_NOTE = {
    "missing": "not translated yet",
    "unreviewed": "translated but never reviewed against this English: review it",
    "outdated": "the English changed since this was translated: review it against the "
    "English before (the alternative translation shows it with the old translation)",
    "current": "translated from this English and reviewed",
}


class _Unit(xliff.xliffunit):
    namespace = NS


class _File(xliff.xlifffile):
    UnitClass = _Unit
    namespace = NS


class BadFile(Exception):
    """The file is not XLIFF that this tool can read; the message says why and where."""


def export(
    units: list[Unit], status: Status, lang: str, recorded: dict[str, str], before: dict[str, str]
) -> bytes:
    """``recorded``: source -> fingerprint of the English a translation was recorded against
    (none: never recorded); ``before``: source -> that English, where history has it."""
    store = _File.parsestring(_SKELETON.encode())
    store.settargetlanguage(lang)
    for unit in units:
        state = state_of(status, lang, unit, recorded)
        xu = store.addsourceunit("", filename=unit.file, createifmissing=True)
        xu.setid(unit.source)
        _texts(xu, unit, lang, state)
        if state == "outdated" and unit.source in before:
            _previous(xu, trimmed(unit, before[unit.source]), trimmed(unit, unit.texts[lang]))
        xu.addnote(_note(unit, lang, state, before.get(unit.source)), "developer")
        xu.createcontextgroup(unit.source, [("sourcefile", unit.source)], "location")
    for node in store.document.getroot().iterchildren(f"{{{NS}}}file"):
        node.set("target-language", lang)
    return bytes(store)


def state_of(status: Status, lang: str, unit: Unit, recorded: dict[str, str]) -> str:
    """current, unreviewed, outdated or missing (a translation never recorded is unreviewed,
    whether or not freshness already tells it apart)."""
    state = status.state(lang, unit.source) or "missing"
    return "unreviewed" if state == "outdated" and unit.source not in recorded else state


def trimmed(unit: Unit, text: str) -> str:
    """A section without the blank lines that end it; other texts as they are (a separator
    may be ', ')."""
    return text.rstrip() if unit.kind == "section" else text


def _texts(xu, unit: Unit, lang: str, state: str) -> None:
    source = xu.xmlelement.find(f"{{{NS}}}source")
    inline.fill(source, trimmed(unit, unit.english), NS)
    if state == "missing":
        return
    target = etree.Element(f"{{{NS}}}target")
    source.addnext(target)
    inline.fill(target, trimmed(unit, unit.texts[lang]), NS)
    target.set("state", "translated" if state == "current" else _REVIEW)
    if state == "current":
        xu.xmlelement.set("approved", "yes")


def _previous(xu, english_before: str, translation: str) -> None:
    alt = etree.SubElement(xu.xmlelement, f"{{{NS}}}alt-trans")
    alt.set("alttranstype", "previous-version")
    alt.set("origin", "chm-roadmap: the English this translation was made from")
    for name, text in (("source", english_before), ("target", translation)):
        inline.fill(etree.SubElement(alt, f"{{{NS}}}{name}"), text, NS)


def _note(unit: Unit, lang: str, state: str, before: str | None) -> str:
    file, line = unit.where.get(lang, (None, None))
    kind = {"section": "section", "data": "data text", "string": "interface string"}[unit.kind]
    place = f"{file}:{line}" if file and line else f"{file or 'no ' + lang + ' text yet'}"
    lines = [
        f"{kind} {unit.anchor} of {unit.file}; the {lang} text: {place}",
        f"state: {state}, {_STATE_NOTE[state]}",
    ]
    if state == "outdated" and before is not None:
        lines.append("English before: " + trimmed(unit, before))
    translation = unit.texts.get(lang, "")
    lines.append(
        f"exported over the {lang} translation {fingerprint(translation)}"
        if translation.strip()
        else f"exported over no {lang} translation"
    )
    return "\n".join(lines)


@dataclass
class Target:
    source: str  # the unit's name
    english: str  # the English in the file
    text: str  # the translation ('' : none)
    reviewed: bool  # approved, or a state that no longer asks for work
    base: str | None  # fingerprint of the translation exported over ('': none; None: unsaid)


@dataclass
class Parsed:
    lang: str
    units: dict[str, Target] = field(default_factory=dict)


def parse(content: bytes) -> Parsed:
    try:
        store = _File.parsestring(content)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else "?"
        raise BadFile(f"line {line}: the file is not well-formed XML ({exc.msg})") from None
    except (ValueError, StopIteration, AttributeError) as exc:
        raise BadFile(f"this is not an XLIFF 1.2 file ({exc or 'no <file> in it'})") from None
    parsed = Parsed(store.gettargetlanguage() or "")
    for xu in store.units:
        if xu.isheader():
            continue
        target = _read(xu)
        parsed.units[target.source] = target
    return parsed


def _read(xu) -> Target:
    el = xu.xmlelement
    named = [loc for loc in xu.getlocations() if "#" in loc]
    source_el = el.find(f"{{{NS}}}source") if el.find(f"{{{NS}}}source") is not None else None
    if source_el is None:
        source_el = next((c for c in el if etree.QName(c).localname == "source"), None)
    target_el = next((c for c in el if etree.QName(c).localname == "target"), None)
    native = inline.native_codes(source_el) if source_el is not None else {}
    english = inline.text_of(source_el) if source_el is not None else ""
    text = inline.text_of(target_el, native) if target_el is not None else ""
    state = target_el.get("state", "") if target_el is not None else ""
    base = _BASE.search(xu.getnotes() or "")
    return Target(
        named[0] if named else el.get("id") or "",
        english,
        text,
        el.get("approved") == "yes" or not state.startswith("needs-"),
        None if base is None else (base.group(3) or ""),
    )
