"""What ``roadmap translations`` prints: per language what is outdated or missing, a summary."""

from __future__ import annotations

import json

from ..i18n import language
from .freshness import Status


def text(status: Status, langs: list[str]) -> str:
    lines = []
    for lang in langs:
        lines += [f"{e.state:<9} {e.source}{_where(e)}" for e in status.pending(lang)]
    lines += ["", *(summary_line(status, lang) for lang in langs)]
    return "\n".join(lines).strip("\n")


def summary_line(status: Status, lang: str) -> str:
    s = status.summary(lang)
    current, outdated, missing = (s.counts[k] for k in ("current", "outdated", "missing"))
    terms = f"; {s.terms} glossary term{'s' * (s.terms != 1)} not used" if s.terms else ""
    return (
        f"{lang} ({language(lang).english_name}): {_percent(s.percent)} current "
        f"({current} of {s.total}), {outdated} outdated, {missing} missing{terms}"
    )


def _percent(value: float) -> str:
    """Never rounded up to 100% while anything is pending."""
    whole = int(value * 10) / 10
    return f"{whole:.0f}%" if whole == int(whole) else f"{whole:.1f}%"


def _where(entry) -> str:
    file, line = entry.unit.where.get(entry.lang, (None, None))
    return f"  ({file}:{line})" if file and line else ""


def as_json(status: Status, langs: list[str]) -> str:
    """A JSON list, one object a line: {"lang": "fr", "source": ..., "state": "current"}."""
    rows = [json.dumps(e.as_json(), ensure_ascii=False) for e in status.entries if e.lang in langs]
    return "[\n" + ",\n".join(rows) + "\n]" if rows else "[]"


def markdown(status: Status, langs: list[str]) -> str:
    """For a pull request's summary page: a table per language, then what is pending."""
    lines = [
        "| language | current | outdated | missing | glossary terms not used |",
        "| --- | --- | --- | --- | --- |",
    ]
    for lang in langs:
        s = status.summary(lang)
        lines.append(
            f"| {language(lang).english_name} ({lang}) | {_percent(s.percent)} "
            f"({s.counts['current']} of {s.total}) | {s.counts['outdated']} "
            f"| {s.counts['missing']} | {s.terms} |"
        )
    todo = [e for lang in langs for e in status.pending(lang)]
    if todo:
        lines += ["", "| language | state | English source |", "| --- | --- | --- |"]
        lines += [f"| {e.lang} | {e.state} | `{e.source}` |" for e in todo]
    return "\n".join(lines)
