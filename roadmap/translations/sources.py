"""Reads the units of the project (its pages, data and interface strings) and their status."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..i18n import CODES, DEFAULT, STRINGS_DIR, strings
from ..model import FILES, Roadmap, load_roadmap
from ..model.yamlfile import YamlDoc, load_yaml
from . import records, terms
from .freshness import Status, compute
from .units import Unit, data_units, ignored_terms, page_units, string_units

STRINGS_DISPLAY = "roadmap/i18n/strings"


def load_units(root: Path, roadmap: Roadmap, data_dir: Path | None = None) -> list[Unit]:
    """Every unit: the sections of every English page, every data text, every string."""
    data_dir = data_dir or root / "data"
    data = {f"data/{name}.yml": data_dir / f"{name}.yml" for name in FILES}
    lang_strings = {f"{STRINGS_DISPLAY}/{code}.yml": STRINGS_DIR / f"{code}.yml" for code in CODES}
    return [
        *_page_units(root),
        *_with_places(data_units(roadmap), data, lambda unit, _: unit.file),
        *_with_places(
            string_units({code: strings(code) for code in CODES}),
            lang_strings,
            lambda _, lang: f"{STRINGS_DISPLAY}/{lang}.yml",
        ),
    ]


def load_status(root: Path, roadmap: Roadmap, data_dir: Path | None = None) -> Status:
    """The freshness of every unit in every language, with the glossary terms counted."""
    return status_of(root, roadmap, load_units(root, roadmap, data_dir))


def status_of(
    root: Path, roadmap: Roadmap, units: list[Unit], found: list[terms.Mismatch] | None = None
) -> Status:
    """``found``: the glossary mismatches of ``units``, when they were already looked for."""
    status = compute(units, records.read(root))
    found = terms.mismatches(units, roadmap.terms) if found is None else found
    return dataclasses.replace(status, term_counts=terms.counts(found))


def load(root: Path, data_dir: Path | None = None) -> tuple[Roadmap, list[Unit], Status]:
    """For the command line: the data loaded (raises model.DataError), units and status."""
    roadmap = load_roadmap(data_dir or root / "data")
    units = load_units(root, roadmap, data_dir)
    return roadmap, units, status_of(root, roadmap, units)


def _page_units(root: Path) -> list[Unit]:
    docs = root / "docs"
    english = docs / DEFAULT
    units = []
    for page in sorted(p.relative_to(english).as_posix() for p in english.rglob("*.md")):
        files = {code: docs / code / page for code in CODES}
        texts = {
            c: f.read_text(encoding="utf-8") if f.is_file() else None for c, f in files.items()
        }
        units += page_units(page, texts, {code: f"docs/{code}/{page}" for code in CODES})
    return units


def _with_places(units: list[Unit], files: dict[str, Path], file_of) -> list[Unit]:
    """YAML units with the line of each translation and the terms it leaves out on purpose
    (a YAML comment '# terms: ignore <id>' on its line or the line above).
    ``file_of(unit, lang)`` names the file that holds a translation, a key of ``files``."""
    read: dict[str, tuple[YamlDoc, list[str]]] = {}
    out = []
    for unit in units:
        where, ignored = {}, {}
        for lang in unit.texts:
            name = file_of(unit, lang)
            if name not in read:
                text = files[name].read_text(encoding="utf-8")
                read[name] = (load_yaml(files[name], name), text.splitlines())
            doc, lines = read[name]
            path = unit.path + (lang,) if unit.kind == "data" else unit.path
            line = doc.where(path)[0]
            where[lang] = (name, line)
            above = lines[max(0, line - 2) : line] if line else []
            ignored[lang] = ignored_terms("\n".join(above))
        out.append(dataclasses.replace(unit, where=where, ignored_terms=ignored))
    return out
