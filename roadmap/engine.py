"""The port to the site engine: what the application asks of it, and how it finds one.

``roadmap`` knows no site engine. An adapter package (``macros/`` for MkDocs with
mkdocs-macros) registers an object with these methods under the entry-point group
``roadmap.engines`` in pyproject.toml; another engine needs another adapter, not a change here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .build_spec import Build
    from .inputs import Inputs

GROUP = "roadmap.engines"


@dataclass
class Built:
    lang: str
    ok: bool
    seconds: float
    output: str  # what the engine said: warnings and errors, for the person building


class Engine(Protocol):
    name: str

    def prepare(self, langs: list[str]) -> None:
        """Load what the builds of ``langs`` need, once, before they are started."""
        ...

    def build(
        self,
        build: Build,
        lang: str,
        site_dir: Path,
        given: Inputs | None = None,
        only: frozenset[str] | None = None,
    ) -> Built:
        """Build one language of ``build`` strictly from its configuration into ``site_dir``,
        in the calling process (``roadmap.build`` calls it in a worker process of its own).
        ``build.offline``: the copy that works from disk (file://): page links to files,
        search without a server, nothing loaded from elsewhere, no version selector.

        ``given``: the build's data, checked and loaded once for every language (else the
        build loads it). ``only``: page sources (``group.md``) to render again into the site
        already built in ``site_dir``, every other file left as it is, the search index
        included: the live preview's quick rebuild after an edit, which a full build follows."""
        ...

    def read_config(self, root: Path, lang: str) -> dict:
        """A language's configuration of the project in ``root``, as the engine reads it."""
        ...

    def jinja_options(self, config: dict) -> dict:
        """The options of the Jinja environment pages are rendered with (its delimiters)."""
        ...

    def page_names(self, config: dict) -> frozenset[str]:
        """Names the engine itself gives every page of ``config`` (variables and macros)."""
        ...

    def article(self, page_html: str) -> str:
        """The content of a built page, without the theme's frame (header, navigation);
        raises ValueError for a page that has none."""
        ...


@cache
def engine(name: str | None = None) -> Engine:
    """The installed engine adapter (``name``, or the only one)."""
    found = {ep.name: ep for ep in entry_points(group=GROUP)}
    if not found:
        raise RuntimeError(f"no site engine adapter is installed (entry points '{GROUP}')")
    if name is None and len(found) == 1:
        name = next(iter(found))
    if name not in found:
        raise RuntimeError(f"no site engine '{name}' (installed: {', '.join(sorted(found))})")
    return found[name].load()()
