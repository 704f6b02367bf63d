"""What ``roadmap translations`` prints: per language what is pending (unreviewed, outdated or
missing), a summary; for an outdated translation, how its English changed since."""

from __future__ import annotations

import json

from ..i18n import language
from ..model import Problem
from .freshness import STATES, Entry, Status
from .history import difference

Befores = dict[str, str]  # source -> the English its recorded translation was made from


def text(status: Status, langs: list[str], befores: Befores | None = None) -> str:
    lines = []
    for lang in langs:
        for e in status.pending(lang):
            lines.append(f"{e.state:<10} {e.source}{_where(e)}")
            lines += [f"    {line}" for line in _changes(e, befores or {})]
    lines += ["", *(summary_line(status, lang) for lang in langs)]
    return "\n".join(lines).strip("\n")


def _changes(entry: Entry, befores: Befores) -> list[str]:
    """How the English changed since the translation was recorded: the lines that changed,
    with '[-removed-]{+added+}' marks; a note where history does not reach that far."""
    if entry.state != "outdated":
        return []
    before = befores.get(entry.source)
    if before is None:
        return ["(the English it was translated from is not in this clone's history)"]
    changed = [
        line for line in difference(before, entry.unit.english) if "[-" in line or "{+" in line
    ]
    return ["English changed: " + changed[0], *changed[1:]] if changed else []


def notices(status: Status) -> list[Problem]:
    """Each pending translation as a notice at its line (the English's when it has none): for
    the annotations of a pull request, which report the content's state and fail nothing."""
    out = []
    for e in status.pending():
        file, line = e.unit.where.get(e.lang, (None, None))
        if file is None:
            file, line = e.unit.file, None
        out.append(
            Problem(file, line, None, "", f"{e.lang} translation {e.state}: {e.source}", "notice")
        )
    return out


def summary_line(status: Status, lang: str) -> str:
    s = status.summary(lang)
    counts = ", ".join(f"{s.counts[k]} {k}" for k in STATES[1:])
    terms = f"; {s.terms} glossary term{'s' * (s.terms != 1)} not used" if s.terms else ""
    return (
        f"{lang} ({language(lang).english_name}): {_percent(s.percent)} current "
        f"({s.counts['current']} of {s.total}), {counts}{terms}"
    )


def _percent(value: float) -> str:
    """Never rounded up to 100% while anything is pending."""
    whole = int(value * 10) / 10
    return f"{whole:.0f}%" if whole == int(whole) else f"{whole:.1f}%"


def _where(entry) -> str:
    file, line = entry.unit.where.get(entry.lang, (None, None))
    return f"  ({file}:{line})" if file and line else ""


def as_json(status: Status, langs: list[str], befores: Befores | None = None) -> str:
    """A JSON list, one object a line: {"lang": "fr", "source": ..., "state": "current"};
    an outdated one also has "english_before" and "english" when history has the former."""
    rows = []
    for e in status.entries:
        if e.lang in langs:
            row = e.as_json()
            if e.state == "outdated" and befores and e.source in befores:
                row |= {"english_before": befores[e.source], "english": e.unit.english}
            rows.append(json.dumps(row, ensure_ascii=False))
    return "[\n" + ",\n".join(rows) + "\n]" if rows else "[]"


def markdown(status: Status, langs: list[str], befores: Befores | None = None) -> str:
    """For a pull request's summary page: a table per language, then what is pending, with
    the English before and after for each outdated translation."""
    lines = [
        "| language | current | unreviewed | outdated | missing | glossary terms not used |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for lang in langs:
        s = status.summary(lang)
        lines.append(
            f"| {language(lang).english_name} ({lang}) | {_percent(s.percent)} "
            f"({s.counts['current']} of {s.total}) | {s.counts['unreviewed']} "
            f"| {s.counts['outdated']} | {s.counts['missing']} | {s.terms} |"
        )
    todo = [e for lang in langs for e in status.pending(lang)]
    if todo:
        lines += ["", "| language | state | English source |", "| --- | --- | --- |"]
        lines += [f"| {e.lang} | {e.state} | `{e.source}` |" for e in todo]
    changed = {e.source: e for e in todo if e.state == "outdated"}
    for source, e in changed.items():
        changes = _changes(e, befores or {})
        lines += [
            "",
            f"<details><summary>How the English of <code>{source}</code> changed</summary>",
            "",
        ]
        lines += ["```text", *changes, "```", "", "</details>"]
    return "\n".join(lines)
