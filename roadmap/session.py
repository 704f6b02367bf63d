"""What `roadmap serve` keeps between rebuilds, owned by one object.

Each command run makes a new session; the preview keeps its own for as long as it serves, so
that an edit of one page checks that page again and an edit of no data file validates no data
again. Two sessions share nothing: a benchmark or a test starts afresh with a new one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .model import Roadmap, load_roadmap

T = TypeVar("T")


@dataclass
class Session:
    # data folder -> (the hash of its files' content, the roadmap validated from them)
    data: dict[Path, tuple[str, Roadmap]] = field(default_factory=dict)
    # the pages checked against one roadmap (any change of the data forgets them all)
    pages_of: Roadmap | None = None
    pages: dict[tuple, object] = field(default_factory=dict)

    def roadmap(self, data_dir: Path) -> Roadmap:
        """The data, validated again only when a file's content changed."""
        digest = hashlib.sha256()
        for path in sorted(data_dir.glob("*.yml")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        key, folder = digest.hexdigest(), data_dir.resolve()
        known = self.data.get(folder)
        if known is not None and known[0] == key:
            return known[1]
        roadmap = load_roadmap(data_dir)
        self.data[folder] = (key, roadmap)
        return roadmap

    def page(self, roadmap: Roadmap, key: tuple, check: Callable[[], T]) -> T:
        """A page's check against ``roadmap``, made again only for a page or data edited."""
        if self.pages_of is not roadmap:
            self.pages_of, self.pages = roadmap, {}
        if key not in self.pages:
            self.pages[key] = check()
        return self.pages[key]  # type: ignore[return-value]
