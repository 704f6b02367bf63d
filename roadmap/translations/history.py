"""The English a translation was made from, found again in git's history.

A record keeps only a fingerprint of that English (``records``). To show a translator what
changed, the English file's earlier revisions are read, newest first, until one holds a text
with that fingerprint. A shallow clone or a file without history simply finds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import yaml

from ..gitrepo import GitError, git
from ..yamlreader import values
from .freshness import fingerprint
from .units import Unit, sections

MAX_REVISIONS = 200  # how far back to look: a translation older than that shows no difference


def english_before(root, unit: Unit, record: str) -> str | None:
    """The English of ``unit`` whose fingerprint is ``record``, from an earlier commit."""
    return befores(root, [(unit, record)]).get(unit.source)


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


def _revisions(root, file: str) -> Iterator[str]:
    """The file's text at each commit that changed it, newest first."""
    try:
        log = git(root, "log", f"--max-count={MAX_REVISIONS}", "--format=%H", "--", file)
    except (GitError, FileNotFoundError):
        return
    for commit in log.decode().split():
        try:
            yield git(root, "show", f"{commit}:{file}").decode("utf-8", "replace")
        except GitError:  # the file did not exist under this name then
            continue


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
