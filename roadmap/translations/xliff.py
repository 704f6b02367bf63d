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
from .units import PARAGRAPH, Unit, paragraphs

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
        parts = segments(unit, lang)
        old = _before(unit, before.get(unit.source), len(parts)) if state == "outdated" else []
        for n, (name, english, text) in enumerate(parts, 1):
            xu = store.addsourceunit("", filename=unit.file, createifmissing=True)
            xu.setid(name)
            was = old[n - 1] if n <= len(old) else None
            if was is not None and was.split() == english.split():
                was = None  # this paragraph did not change
            # Of an outdated section, only the paragraphs whose English changed ask for work.
            settled = state == "outdated" and len(old) == len(parts) > 1 and was is None
            _texts(xu, english, text if state != "missing" else None, state, settled)
            if was is not None and text is not None:
                _previous(xu, was, text)
            where = f"paragraph {n} of {len(parts)}, " if len(parts) > 1 else ""
            xu.addnote(where + _note(unit, lang, state, was, bool(old)), "developer")
            xu.createcontextgroup(name, [("sourcefile", name)], "location")
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


def segments(unit: Unit, lang: str) -> list[tuple[str, str, str | None]]:
    """(name, English, translation) of what is exchanged of a unit: a section, paragraph by
    paragraph (``#mandate/p2``) when its translation has as many as its English (or none);
    else, and any other text, whole."""
    english, text = trimmed(unit, unit.english), unit.texts.get(lang)
    text = trimmed(unit, text) if text is not None and text.strip() else None
    if unit.kind == "section":
        ours = paragraphs(english)
        theirs = paragraphs(text) if text is not None else [None] * len(ours)
        if len(ours) > 1 and len(theirs) == len(ours):
            return [
                (f"{unit.source}{PARAGRAPH}{n}", e, t)
                for n, (e, t) in enumerate(zip(ours, theirs, strict=True), 1)
            ]
    return [(unit.source, english, text)]


def _before(unit: Unit, english: str | None, count: int) -> list[str | None]:
    """The English before, cut as the unit is (paragraph by paragraph when they align; else
    whole, with the first part)."""
    if english is None:
        return []
    english = trimmed(unit, english)
    split = paragraphs(english) if count > 1 else [english]
    return list(split) if len(split) == count else [english]


def _texts(xu, english: str, text: str | None, state: str, settled: bool = False) -> None:
    source = xu.xmlelement.find(f"{{{NS}}}source")
    inline.fill(source, english, NS)
    if text is None:
        return
    target = etree.Element(f"{{{NS}}}target")
    source.addnext(target)
    inline.fill(target, text, NS)
    target.set("state", "translated" if state == "current" or settled else _REVIEW)
    if state == "current":
        xu.xmlelement.set("approved", "yes")


def _previous(xu, english_before: str, translation: str) -> None:
    """The English the translation was made from, beside it: CAT tools show the change."""
    alt = etree.SubElement(xu.xmlelement, f"{{{NS}}}alt-trans")
    alt.set("alttranstype", "previous-version")
    alt.set("origin", "chm-roadmap: the English this translation was made from")
    for name, text in (("source", english_before), ("target", translation)):
        inline.fill(etree.SubElement(alt, f"{{{NS}}}{name}"), text, NS)


def _note(unit: Unit, lang: str, state: str, before: str | None, found: bool) -> str:
    """Where the unit is, its state, the English before (outdated), what it was exported
    over; ``found``: whether history had the English before."""
    file, line = unit.where.get(lang, (None, None))
    kind = {"section": "section", "data": "data text", "string": "interface string"}[unit.kind]
    place = f"{file}:{line}" if file and line else f"{file or 'no ' + lang + ' text yet'}"
    lines = [
        f"{kind} {unit.anchor} of {unit.file}; the {lang} text: {place}",
        f"state: {state}, {_STATE_NOTE[state]}",
    ]
    if state == "outdated":
        lines.append(
            "English before: "
            + (before if before is not None else "the same here" if found else "not found in git")
        )
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
    problem: str | None = None  # why the target cannot be taken as it is


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
        why = "it is XLIFF 2" if "2." in str(exc) else "it has no XLIFF <file>"
        raise BadFile(
            f"this is not an XLIFF 1.2 file ({why}); save it from your tool as XLIFF 1.2, "
            "the format that `roadmap translations export` writes"
        ) from None
    parsed = Parsed(store.gettargetlanguage() or "")
    read = [_read(xu) for xu in store.units if not xu.isheader()]
    for target in _joined(read):
        parsed.units[target.source] = target
    return parsed


_PART = re.compile(rf"^(.*){re.escape(PARAGRAPH)}(\d+)$")


def _joined(targets: list[Target]) -> list[Target]:
    """The paragraphs of each section put together again, in their order."""
    parts: dict[str, list[tuple[int, Target]]] = {}
    out = []
    for target in targets:
        m = _PART.match(target.source)
        if m is None:
            out.append(target)
        else:
            parts.setdefault(m.group(1), []).append((int(m.group(2)), target))
    for source, found in parts.items():
        found.sort(key=lambda p: p[0])
        texts = [t.text.strip() for _, t in found]
        whole = Target(
            source,
            "\n\n".join(t.english.strip() for _, t in found),
            "\n\n".join(texts) if all(texts) else "",
            all(t.reviewed for _, t in found),
            found[0][1].base,
        )
        if any(texts) and not all(texts):
            whole.problem = "some of its paragraphs have a target and others not: give every one"
        out.append(whole)
    return out


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
