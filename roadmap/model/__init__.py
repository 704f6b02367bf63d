"""The data model: load every file of data/, validate it, and report all problems at once.

Imports nothing from mkdocs, rendering or the command line.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pydantic import ValidationError

from . import rules
from .messages import reword
from .partial import about, salvage
from .problems import DataError, Problem
from .roadmap import Entry, Roadmap
from .schema import FILES
from .yamlfile import YamlDoc, load_yaml

__all__ = ["FILES", "DataError", "Entry", "Problem", "Roadmap", "load_roadmap"]


def load_roadmap(data_dir: Path, *, display_root: str = "data") -> Roadmap:
    """Load and validate all data files; raise DataError with every error found.

    An item with a mistake is left out and the rules run on the rest, so that their errors are
    reported too; the DataError then carries that partial roadmap for the pages' check.
    Warnings (missing translations) travel on ``Roadmap.warnings``.
    """
    docs, models, problems, left_out = _read_files(Path(data_dir), display_root)
    if problems and set(models) != set(FILES):  # a whole file unread: the rules need them all
        raise DataError(problems)
    found = rules.check(models, docs, partial=bool(problems))
    errors = [p for p in found if p.severity == "error" and not about(p.message, left_out)]
    roadmap = _roadmap(models, docs, sorted(p for p in found if p.severity == "warning"))
    if problems or errors:
        roadmap.partial = True
        raise DataError(problems + errors, partial=(roadmap, left_out))
    return roadmap


def _roadmap(models: dict, docs: dict[str, YamlDoc], warnings: list[Problem]) -> Roadmap:
    return Roadmap(
        events=models["events"].events,
        actors=models["actors"].actors,
        phases=models["phases"].phases,
        activities=models["workplan"].activities,
        funding_sources=models["resources"].funding_sources,
        resources=models["resources"].resources,
        terms=models["glossary"].terms,
        drafts=models["drafts"].drafts,
        warnings=warnings,
        locations=_locations(docs),
        articles=models["glossary"].articles,
    )


def _read_files(data_dir: Path, display_root: str) -> tuple[dict, dict, list[Problem], set[str]]:
    """Every data file read with its positions and validated by its model, problems gathered;
    a file whose mistakes lie in some of its items is read without them (their ids returned)."""
    problems: list[Problem] = []
    docs: dict[str, YamlDoc] = {}
    models: dict = {}
    left_out: set[str] = set()
    for name, model in FILES.items():
        display = f"{display_root}/{name}.yml"
        try:
            doc = load_yaml(data_dir / f"{name}.yml", display)
        except DataError as exc:
            problems += exc.problems
            continue
        except RecursionError:
            problems.append(
                Problem(display, None, None, "", "the file is nested too deeply to read")
            )
            continue
        docs[name] = doc
        if not isinstance(doc.data, dict):
            top = next(iter(model.model_fields))
            problems.append(
                doc.problem((), f"the file must start with '{top}:' followed by a list")
            )
            continue
        try:
            models[name] = model.model_validate(doc.data)
        except ValidationError as exc:
            for error in exc.errors():
                path, message, at_key = reword(error, model)
                problems.append(doc.problem(path, message, key=at_key))
            if (kept := salvage(model, doc.data, exc.errors())) is not None:
                models[name], docs[name] = kept[0], dataclasses.replace(doc, kept=kept[1])
                left_out |= kept[2]
    return docs, models, problems, left_out


def _locations(docs: dict[str, YamlDoc]) -> dict[str, tuple[str, int]]:
    """Item id -> (data file, line of its 'id:'): where an editor finds the item."""
    out: dict[str, tuple[str, int]] = {}
    for doc in docs.values():
        for path, (line, _column) in doc.key_positions.items():
            if path and path[-1] == "id":
                value: object = doc.data
                for part in path:
                    value = value[part]  # type: ignore[index]
                out.setdefault(str(value), (doc.file, line))
    return out
