"""Writes translations into YAML files in place, keeping their comments and layout.

ruamel.yaml's round trip, set to the layout of our files (a test checks that reading and
writing every data and strings file unchanged gives back the same bytes). A file is written
only when a value in it changed.
"""

from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML

from ..model.problems import Path as ItemPath


def _yaml() -> YAML:
    rt = YAML()
    rt.width = 4096  # never rewrap a text
    rt.indent(mapping=2, sequence=4, offset=2)
    rt.preserve_quotes = True
    return rt


def round_trip(text: str) -> str:
    """``text`` read and written again, unchanged: what every write relies on."""
    rt = _yaml()
    out = io.StringIO()
    rt.dump(rt.load(text), out)
    return out.getvalue()


def set_values(file: Path, values: dict[ItemPath, str]) -> bool:
    """Set each path (keys and list indexes from the top of ``file``) to its text; whether
    the file changed."""
    before = file.read_text(encoding="utf-8")
    after = with_values(before, values)
    if after != before:
        file.write_text(after, encoding="utf-8")
    return after != before


def with_values(text: str, values: dict[ItemPath, str]) -> str:
    """``text`` with each path set to its value: what ``set_values`` writes, in memory, so
    that an import checks every file before writing any."""
    rt = _yaml()
    doc = rt.load(text)
    changed = False
    for path, value in values.items():
        node = doc
        for step in path[:-1]:
            node = node[step]
        if node.get(path[-1]) != value:
            node[path[-1]] = value
            changed = True
    if not changed:
        return text
    out = io.StringIO()
    rt.dump(doc, out)
    return out.getvalue()
