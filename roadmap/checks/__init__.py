"""The check that comes before every build, rebuild and publish: the data, then the pages.

One function, so that `roadmap check`, `roadmap build`, the rebuild of `roadmap serve` and
`roadmap publish` refuse exactly the same mistakes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .pages import check_pages
from ..model import DataError, Problem, Roadmap, load_roadmap


@dataclass
class Checked:
    roadmap: Roadmap | None  # None when the data has errors (the pages are then not read)
    errors: list[Problem] = field(default_factory=list)
    where: str = ""  # "data" or "pages": what the errors are in
    untranslated: list[Problem] = field(default_factory=list)  # pages shown in English


def check_sources(project: Path, data_dir: Path) -> Checked:
    try:
        roadmap = load_roadmap(data_dir)
    except DataError as exc:
        return Checked(None, exc.problems, "data")
    found = check_pages(project, roadmap)
    errors = [p for p in found if p.severity == "error"]
    return Checked(roadmap, errors, "pages" if errors else "",
                   [p for p in found if p.severity == "warning"])
