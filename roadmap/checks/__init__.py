"""The check that comes before every build, rebuild and publish: the data, then the pages.

One function, so that `roadmap check`, `roadmap build`, the rebuild of `roadmap serve` and
`roadmap publish` refuse exactly the same mistakes.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..model import DataError, Problem, Roadmap
from ..model.partial import about
from ..session import Session
from ..translations.freshness import Status
from ..translations.sources import load_units, status_of
from ..translations.terms import mismatches
from .pages import check_pages


@dataclass
class Checked:
    roadmap: Roadmap | None  # None when the data has errors (the pages are then not read)
    errors: list[Problem] = field(default_factory=list)
    where: str = ""  # "data" or "pages": what the errors are in
    untranslated: list[Problem] = field(default_factory=list)  # pages shown in English
    terms: list[Problem] = field(default_factory=list)  # glossary terms a translation lacks
    translations: Status | None = None  # the status the build shows, found on the way


def check_sources(
    project: Path, data_dir: Path, *, pages: bool = True, session: Session | None = None
) -> Checked:
    """The data, the translations' status, then (``pages``) the pages: a build checks the
    pages while its languages are built (``with_pages``), as the pages feed nothing to it.
    ``session``: what a preview keeps between its checks (a new one: nothing kept)."""
    session = session or Session()
    with _uncollected():
        try:
            roadmap = session.roadmap(Path(data_dir))
        except DataError as exc:
            return (
                _with_pages_of_partial(exc, project)
                if pages
                else Checked(None, exc.problems, "data")
            )
        units = load_units(project, roadmap, Path(data_dir))
        lacking = mismatches(units, roadmap.terms)
        status = status_of(project, roadmap, units, lacking)
    checked = Checked(roadmap, [], "", [], [m.problem() for m in lacking], status)
    return with_pages(checked, project, session) if pages else checked


def _with_pages_of_partial(exc: DataError, project: Path) -> Checked:
    """The data's errors and the pages' too, checked against what of the data could be read
    (a page naming an item left out for its mistake is not blamed for it)."""
    if exc.partial is None:
        return Checked(None, exc.problems, "data")
    roadmap, left_out = exc.partial
    found = [
        p
        for p in check_pages(project, roadmap)
        if p.severity == "error" and not about(p.message, left_out)
    ]
    return Checked(None, exc.problems + found, "data and the pages" if found else "data")


@contextmanager
def _uncollected() -> Iterator[None]:
    """Python's cycle collector paused while the data is read: it walks every object made so
    far each time enough new ones are made, again and again as the data grows (a third of the
    check at ten times our data), and reading makes no cycles to collect."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def with_pages(checked: Checked, project: Path, session: Session | None = None) -> Checked:
    """``checked`` (its data sound) with the problems of every page added."""
    assert checked.roadmap is not None
    found = check_pages(project, checked.roadmap, session=session or Session())
    errors = [p for p in found if p.severity == "error"]
    untranslated = [p for p in found if p.severity == "warning"]
    return dataclasses.replace(
        checked, errors=errors, where="pages" if errors else "", untranslated=untranslated
    )
