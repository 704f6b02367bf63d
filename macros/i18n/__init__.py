"""The one list of languages and the interface strings of each.

Everything that needs to know which languages exist imports ``LANGUAGES`` from here;
no other file of the project lists them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

STRINGS_DIR = Path(__file__).parent / "strings"


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, also the URL prefix and the docs/<code>/ folder
    name: str  # the language's name in its own script
    english_name: str
    direction: str = "ltr"


LANGUAGES: tuple[Language, ...] = (
    Language("ar", "العربية", "Arabic", "rtl"),
    Language("zh", "中文", "Chinese"),
    Language("en", "English", "English"),
    Language("fr", "Français", "French"),
    Language("ru", "Русский", "Russian"),
    Language("es", "Español", "Spanish"),
)
CODES: tuple[str, ...] = tuple(lang.code for lang in LANGUAGES)
DEFAULT = "en"  # the source language: required in data, fallback for pages
BY_CODE = {lang.code: lang for lang in LANGUAGES}


def language(code: str) -> Language:
    try:
        return BY_CODE[code]
    except KeyError:
        raise ValueError(f"unknown language {code!r} (known: {', '.join(CODES)})") from None


@cache
def strings(code: str) -> dict[str, str]:
    """The interface strings of one language, as a flat mapping of dotted keys."""
    language(code)
    with open(STRINGS_DIR / f"{code}.yml", encoding="utf-8") as fh:
        return _flatten(yaml.safe_load(fh) or {})


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
