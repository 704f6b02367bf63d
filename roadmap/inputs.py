"""What every language build of one draft reads, loaded once: the data and the previous draft.

``roadmap build``, ``serve`` and ``publish`` check the sources once, then hand the result to
the engine with each language's build (roadmap/build.py), in processes forked after it: no
language loads or validates the data again, and git is read once. A build started by the
engine alone (``mkdocs build``) loads them itself.
"""

from __future__ import annotations

from . import gitrepo
from .build_spec import Build, Inputs
from .checks import Checked
from .drafts import being_built
from .history.draft_sources import read_pair
from .model import load_roadmap
from .translations.sources import load_status


def load(build: Build, checked: Checked | None = None) -> Inputs:
    """Raises model.DataError or drafts.DraftError. ``checked``: the sources as the check found
    them (checks.check_sources, no errors): their data and translation status are not read
    again."""
    root, data_dir = build.root, build.data_dir
    roadmap = checked.roadmap if checked and checked.roadmap else load_roadmap(data_dir)
    draft = being_built(roadmap, build.draft)
    commit = gitrepo.text(root, "rev-parse", "HEAD") if build.draft else None
    pair = read_pair(roadmap, draft, root, data_dir)
    status = checked.translations if checked and checked.translations else None
    return Inputs(roadmap, draft, pair, status or load_status(root, roadmap, data_dir), commit)


__all__ = ["Inputs", "load"]
