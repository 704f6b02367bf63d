"""What every language build of one draft reads, loaded once: the data and the previous draft.

``roadmap build``, ``serve`` and ``publish`` check the sources once, then hand the result to
the language builds (``share``), which run in processes forked after it: no language loads or
validates the data again, and git is read once. A build started by the engine alone
(``mkdocs build``) loads them itself (``get``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import gitrepo
from .checks import Checked
from .drafts import being_built
from .history.draft_sources import read_pair
from .history.pair import DraftPair
from .model import Roadmap, load_roadmap
from .model.schema import Draft
from .translations.freshness import Status
from .translations.sources import load_status


@dataclass(frozen=True)
class Inputs:
    roadmap: Roadmap
    draft: Draft  # the draft being built
    pair: DraftPair  # it and the draft before it, with both drafts' sources
    translations: Status  # which translations are current, outdated or missing
    commit: str | None = None  # a published draft: the commit it is published from


_shared: dict[tuple[Path, Path, str | None], Inputs] = {}


def load(root: Path, data_dir: Path, version: str | None, checked: Checked | None = None) -> Inputs:
    """Raises model.DataError or drafts.DraftError. ``checked``: the sources as the check found
    them (checks.check_sources, no errors): their data and translation status are not read
    again."""
    roadmap = checked.roadmap if checked and checked.roadmap else load_roadmap(data_dir)
    draft = being_built(roadmap, version)
    commit = gitrepo.text(root, "rev-parse", "HEAD") if version else None
    pair = read_pair(roadmap, draft, root, data_dir)
    status = checked.translations if checked and checked.translations else None
    return Inputs(roadmap, draft, pair, status or load_status(root, roadmap, data_dir), commit)


def share(root: Path, data_dir: Path, version: str | None, inputs: Inputs) -> None:
    """Hand ``inputs`` to the builds this process starts next (forked: they inherit it)."""
    _shared.clear()
    _shared[(root.resolve(), data_dir.resolve(), version)] = inputs


def get(root: Path, data_dir: Path, version: str | None) -> Inputs:
    """The shared inputs of this build, or loaded now when none were shared."""
    found = _shared.get((root.resolve(), data_dir.resolve(), version))
    return found if found is not None else load(root, data_dir, version)
