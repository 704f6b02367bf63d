"""Errors as values: every problem names the file, line, column and field path."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..errors import RoadmapError

if TYPE_CHECKING:
    from .roadmap import Roadmap

Path = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    severity: Literal["error", "warning", "notice"] = "error"

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.text}"

    @property
    def text(self) -> str:
        """What is wrong, with the field it is in: 'activities[1].phase: ... is not a phase'."""
        return f"{self.path + ': ' if self.path else ''}{self.message}"

    def github(self) -> str:
        """A GitHub Actions annotation: shown on this line of the pull request's diff."""
        where = [f"file={_escape(self.file, True)}"]
        if self.line is not None:
            where.append(f"line={self.line}")
            if self.column is not None:
                where.append(f"col={self.column}")
        return f"::{self.severity} {','.join(where)}::{_escape(self.text, False)}"


def _escape(value: str, is_property: bool) -> str:
    """GitHub's workflow-command escaping (%, newlines; also ':' and ',' in properties)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if is_property else value


class DataError(RoadmapError):
    """Raised with every problem found, never only the first."""

    def __init__(self, problems: list[Problem], partial: tuple[Roadmap, set[str]] | None = None):
        found = sorted(problems)
        super().__init__("\n".join(str(p) for p in found), found)
        # The Roadmap of what could be read and the ids of the items left out for their
        # mistakes (model/partial.py), for the pages' check; or None.
        self.partial = partial


def format_path(path: Path) -> str:
    """('activities', 3, 'phase') -> 'activities[3].phase'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
