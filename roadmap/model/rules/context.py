"""What every rule reads: the validated files, their YAML positions, lookups by id."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..problems import Path, Problem
from ..yamlfile import YamlDoc


def known(ids: Iterable[str], wrong: str | None = None) -> str:
    """ "(did you mean 'P1'? known: P1, P2, P3)": the id a wrong reference most likely meant,
    then every id it could have meant."""
    found = list(ids)
    close = difflib.get_close_matches(wrong, found, n=1, cutoff=0.6) if wrong else []
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"({hint}known: {', '.join(found)})" if found else "(none is defined)"


@dataclass
class Context:
    files: dict  # file name -> its validated model
    docs: dict[str, YamlDoc]  # file name -> positions, for messages with line and column
    seen: dict[str, str] = field(default_factory=dict)  # id -> the file that defined it first
    phase_by_id: dict = field(default_factory=dict)
    activity_by_id: dict = field(default_factory=dict)
    events: dict = field(default_factory=dict)
    actors: dict = field(default_factory=dict)
    funding: dict = field(default_factory=dict)

    @classmethod
    def of(cls, files: dict, docs: dict[str, YamlDoc]) -> Context:
        return cls(
            files,
            docs,
            phase_by_id={p.id: p for p in files["phases"].phases},
            activity_by_id={a.id: a for a in files["workplan"].activities},
            events={e.id: e for e in files["events"].events},
            actors={a.id: a for a in files["actors"].actors},
            funding={f.id: f for f in files["resources"].funding_sources},
        )

    def unique(self, item_id: str, file: str, path: Path) -> list[Problem]:
        """Every id is an anchor, so it must be unique across all files."""
        if item_id in self.seen:
            return [
                self.docs[file].problem(
                    path + ("id",),
                    f"'{item_id}' is already used in {self.seen[item_id]}; every id must be unique",
                )
            ]
        self.seen[item_id] = self.docs[file].file
        return []
