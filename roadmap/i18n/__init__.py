"""The languages (``languages.LANGUAGES``, the one list) and the interface strings of each."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..yamlreader import values
from .languages import BY_CODE, CODES, DEFAULT, LANGUAGES, Language, language

STRINGS_DIR = Path(__file__).parent / "strings"


@cache
def strings(code: str) -> dict[str, str]:
    """The interface strings of one language, as a flat mapping of dotted keys."""
    language(code)
    with open(STRINGS_DIR / f"{code}.yml", encoding="utf-8") as fh:
        tree = values(fh)
    return _flatten(tree if isinstance(tree, dict) else {})


def _flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = str(value)
    return flat


def t(code: str, key: str, **values: object) -> str:
    """Translate an interface key; ``{name}`` placeholders are filled from ``values``."""
    text = strings(code)[key]
    return text.format(**values) if values else text


__all__ = ["BY_CODE", "CODES", "DEFAULT", "LANGUAGES", "Language", "language", "strings", "t"]
