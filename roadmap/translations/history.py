"""The English a translation was made from, found again in git's history.

A record keeps only a fingerprint of that English (``records``). To show a translator what
changed, the English file's earlier revisions are read, newest first, until one holds a text
with that fingerprint. A shallow clone or a file without history simply finds nothing.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator

import yaml

from ..gitrepo import GitError, git
from ..yamlreader import values
from .freshness import Entry, fingerprint
from .units import Unit, sections

MAX_REVISIONS = 200  # how far back to look: a translation older than that shows no difference


def befores(root, wanted: Iterable[tuple[Unit, str]]) -> dict[str, str]:
    """Source -> the English it was translated from, for each (unit, recorded fingerprint)
    found in history; each file's history is read once for all its units."""
    by_file: dict[str, dict[str, str]] = {}  # file -> fingerprint -> source
    for unit, record in wanted:
        by_file.setdefault(unit.file, {})[record] = unit.source
    found: dict[str, str] = {}
    for file, sought in by_file.items():
        for text in _revisions(root, file):
            for english in _candidates(file, text, "en"):
                source = sought.pop(fingerprint(english), None)
                if source is not None:
                    found[source] = english
            if not sought:
                break
    return found


def of_outdated(root, entries: Iterable[Entry]) -> dict[str, str]:
    """``befores`` for the outdated entries among ``entries``."""
    return befores(
        root, [(e.unit, e.recorded) for e in entries if e.recorded and e.state == "outdated"]
    )


def _revisions(root, file: str) -> Iterator[str]:
    """The file's text at each commit that changed it, newest first."""
    try:
        log = git(root, "log", f"--max-count={MAX_REVISIONS}", "--format=%H", "--", file)
    except (GitError, FileNotFoundError):
        return
    for commit in log.decode().split():
        yield _at(root, commit, file)


def _candidates(file: str, text: str, lang: str) -> Iterator[str]:
    """Every text in ``lang`` of that revision of the file that a unit could be (a data file
    holds every language: its ``lang`` texts; a page or a strings file holds one)."""
    if file.endswith(".md"):
        yield from (section for _, section in sections(text).values())
        return
    try:
        data = values(text)
    except yaml.YAMLError:  # an old revision that does not parse holds nothing usable
        return
    yield from _strings(data, lang)


def _strings(value: object, lang: str) -> Iterator[str]:
    """The ``lang`` text of every {en: ..., fr: ...} mapping and every plain string."""
    if isinstance(value, dict):
        if isinstance(value.get(lang), str):
            yield value[lang]
        for item in value.values():
            yield from _strings(item, lang)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, lang)
    elif isinstance(value, str):
        yield value


def changed_since(root, entries: Iterable[Entry], ref: str) -> list[Entry]:
    """The entries whose translation is not in its file as it was at ``ref``: written or
    changed since then (in a pull request: by it). Whitespace does not count."""
    at_ref: dict[str, set[str]] = {}
    out = []
    for e in entries:
        file = e.unit.where.get(e.lang, (None, None))[0]
        if file is None:
            continue
        if file not in at_ref:
            at_ref[file] = {_norm(t) for t in _candidates(file, _at(root, ref, file), e.lang)}
        if _norm(e.unit.texts[e.lang]) not in at_ref[file]:
            out.append(e)
    return out


def _at(root, ref: str, file: str) -> str:
    """The file's text at ``ref``; empty (no text to find) when it did not exist there."""
    try:
        return git(root, "show", f"{ref}:{file}").decode("utf-8", "replace")
    except GitError:
        return ""


def _norm(text: str) -> str:
    return " ".join(text.split())


def difference(before: str, after: str) -> list[str]:
    """The English before and after as a word-level difference: '[-old-]{+new+}' marks."""
    old, new = re.findall(r"\S+|\s+", before), re.findall(r"\S+|\s+", after)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            out.append("".join(old[i1:i2]))
            continue
        if i2 > i1:
            out.append("[-" + "".join(old[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + "".join(new[j1:j2]) + "+}")
    return "".join(out).splitlines()
