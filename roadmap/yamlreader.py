"""The YAML reader every module uses: libyaml's C reader when PyYAML was built with it (the same
values, nodes and line/column marks, several times faster than the pure-Python reader)."""

from __future__ import annotations

from typing import IO

import yaml

FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def values(source: str | bytes | IO[str]) -> object:
    """The plain values of a YAML text, for files whose positions no message needs (interface
    strings, a published draft's data read back from git)."""
    return yaml.load(source, Loader=FAST)  # a safe loader, C or Python
