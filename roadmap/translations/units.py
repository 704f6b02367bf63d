"""What is translated, unit by unit: page sections, data texts and interface strings.

A unit is named by where its English is (its *source*), the name every command prints:
- ``docs/en/<page>.md#<heading id>``: a page section, from a heading with an id to the next
  heading with an id. The text above the first such heading (the title and the lead) is the
  section ``TOP``;
- ``data/<file>.yml#<item id>.<field>``: a data text, e.g. ``data/phases.yml#P1.title``;
- ``roadmap/i18n/strings/en.yml#<key>``: an interface string.

Pure: the texts are handed in, ``sources`` reads them from the project.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel

from ..i18n import DEFAULT
from ..model import FILES, Roadmap
from ..model.problems import Path
from ..model.schema import Text
from ..page_source import headings

TOP = "_top"  # the section above a page's first heading with an id: its title and lead
STRINGS_SOURCE = "roadmap/i18n/strings/en.yml"
Kind = Literal["section", "data", "string"]


@dataclass(frozen=True)
class Unit:
    source: str
    kind: Kind
    english: str
    texts: dict[str, str]  # language -> its translation (a language without one is absent)
    where: dict[str, tuple[str, int | None]] = field(default_factory=dict)  # lang -> file, line
    path: Path = ()  # data texts: the path of the mapping {en: ..., fr: ...} in its file
    # Glossary term ids a translation leaves out on purpose (the "terms: ignore" marker).
    ignored_terms: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return self.source.split("#", 1)[0]

    @property
    def anchor(self) -> str:
        return self.source.split("#", 1)[1]


def sections(markdown: str) -> dict[str, tuple[int, str]]:
    """Section id -> (first line, Markdown), in page order; ``TOP`` first when there is text
    above the first heading with an id."""
    starts = [(h.line, h.id) for h in headings(markdown) if h.id and h.level > 1]
    lines = markdown.splitlines(keepends=True)
    bounds = [(1, TOP), *starts, (len(lines) + 1, "")]
    out = {}
    for (line, ident), (end, _) in zip(bounds, bounds[1:], strict=False):
        text = "".join(lines[line - 1 : end - 1])
        if ident != TOP or text.strip():
            out[ident] = (line, text)
    return out


PARAGRAPH = "/p"  # docs/en/group.md#mandate/p2: the second paragraph of a section, in exchanges


def paragraphs(section: str) -> list[str]:
    """A section's blocks (its heading, each paragraph, list, table or code block), split at
    the blank lines outside fenced code; joined with blank lines they are the section again."""
    blocks: list[str] = []
    current: list[str] = []
    fenced = False
    for line in section.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if line.strip() or fenced:
            current.append(line)
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def page_units(page: str, pages: dict[str, str | None], names: dict[str, str]) -> list[Unit]:
    """The sections of one page. ``pages``: language -> its Markdown (None: not translated);
    ``names``: language -> the file's name as printed (docs/fr/group.md)."""
    split = {code: sections(text) for code, text in pages.items() if text is not None}
    units = []
    for ident, (_, english) in split[DEFAULT].items():
        found = {c: s[ident] for c, s in split.items() if c != DEFAULT and ident in s}
        units.append(
            Unit(
                f"{names[DEFAULT]}#{ident}",
                "section",
                english,
                {c: text for c, (_, text) in found.items()},
                {c: (names[c], line) for c, (line, _) in found.items()},
                ignored_terms={c: ignored_terms(text) for c, (_, text) in found.items()},
            )
        )
    return units


_IGNORE = re.compile(r"terms:\s*ignore\s+([a-z0-9, -]+)")


def ignored_terms(text: str) -> frozenset[str]:
    """Term ids after 'terms: ignore' (in a page: <!-- terms: ignore abnj, api -->)."""
    return frozenset(
        ident for m in _IGNORE.finditer(text) for ident in re.split(r"[\s,]+", m.group(1)) if ident
    )


def data_units(roadmap: Roadmap) -> list[Unit]:
    """Every data text, named by the item that holds it, in file order."""
    units = []
    for name, model in FILES.items():
        for key in model.model_fields:
            for path, owner, text in _texts(getattr(roadmap, key), (key,), "", ()):
                units.append(
                    Unit(
                        f"data/{name}.yml#{owner}",
                        "data",
                        text.root[DEFAULT],
                        {c: v for c, v in text.root.items() if c != DEFAULT},
                        path=path,
                    )
                )
    return units


def _texts(value, path: Path, owner: str, rest: tuple[str, ...]):
    """(path, 'item id.field', Text) for each Text under ``value``; ``owner`` is the id of the
    nearest item above, ``rest`` the fields between it and here."""
    if isinstance(value, Text):
        yield path, ".".join((owner, *rest)) if owner else ".".join(rest), value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            inner = rest[:-1] + (f"{rest[-1]}[{i}]",) if rest else rest
            yield from _texts(item, path + (i,), owner, inner)
    elif isinstance(value, BaseModel):
        ident = getattr(value, "id", None)
        owner, rest = (ident, ()) if isinstance(ident, str) else (owner, rest)
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), path + (name,), owner, (*rest, name))


def string_units(strings: dict[str, dict[str, str]]) -> list[Unit]:
    """Interface strings; ``strings``: language -> flat key -> text."""
    return [
        Unit(
            f"{STRINGS_SOURCE}#{key}",
            "string",
            english,
            {c: s[key] for c, s in strings.items() if c != DEFAULT and key in s},
            path=tuple(key.split(".")),
        )
        for key, english in strings[DEFAULT].items()
    ]
