"""What a build is, as one value: which project, data, draft, address, URL style and languages.

``roadmap build``, ``serve``, ``publish`` and the editions make a ``Build`` and hand it to the
site engine (``roadmap.engine``), which hands it to the macros' page context: every step of a
build reads its inputs from this value, none from the environment or module state. A build
started by the engine alone (``mkdocs build``, ``mike deploy``) is described by
``roadmap.environment.build_from_environment``, the one place that reads the environment.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .history.pair import DraftPair
from .i18n import CODES
from .model import Roadmap
from .model.schema import Draft
from .translations.freshness import Status


@dataclass(frozen=True)
class Build:
    root: Path  # the project folder (mkdocs.yml)
    data_dir: Path  # its data: the project's, or a copy's (tests, the benchmark)
    draft: str | None = None  # the draft published (a mike version); None: a preview
    site_url: str | None = None  # the public address; None: the configuration's site_url
    offline: bool = False  # the copy read from disk: file URLs ('roadmap.html')
    side_by_side: bool = False  # offline copies of every language in one folder, linked
    langs: tuple[str, ...] = CODES

    @property
    def published(self) -> str | None:
        """The draft whose pages go online (and carry the newer-draft notices), if any."""
        return None if self.offline else self.draft


def of_project(root: Path, data_dir: Path | None = None, **options: object) -> Build:
    """A build of ``root`` (its own data unless ``data_dir``)."""
    root = Path(root).resolve()
    return Build(root, Path(data_dir or root / "data").resolve(), **options)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Inputs:
    """What every language build of one draft reads, loaded once (roadmap/inputs.py)."""

    roadmap: Roadmap
    draft: Draft  # the draft being built
    pair: DraftPair  # it and the draft before it, with both drafts' sources
    translations: Status  # which translations are current, outdated or missing
    commit: str | None = None  # a published draft: the commit it is published from
