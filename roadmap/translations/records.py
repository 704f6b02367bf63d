"""The records: for each language, the English each translation was made from.

``translations/<lang>.yml`` maps a source (``docs/en/group.md#mandate``) to the fingerprint
of its English when the translation was last recorded as current. Only the tool writes them
(``roadmap translations mark`` and ``import``); they are committed with the pages and data.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import cast

import yaml

from ..yamlreader import values
from .freshness import TRANSLATED, fingerprint
from .units import Unit

FOLDER = "translations"
_HEADER = (
    "# The English each {name} translation was made from: source -> short SHA-256 of its text.\n"
    "# Written by `roadmap translations mark` and `roadmap translations import`; do not edit.\n"
)


def path(root: Path, lang: str) -> Path:
    return root / FOLDER / f"{lang}.yml"


def read(root: Path) -> dict[str, dict[str, str]]:
    """Language -> source -> fingerprint; a language without a file has no records."""
    out = {}
    for lang in TRANSLATED:
        file = path(root, lang)
        data = _parsed(file.read_text(encoding="utf-8") if file.is_file() else "")
        out[lang] = {str(k): str(v) for k, v in (data or {}).items()}
    return out


@lru_cache(maxsize=16)  # `roadmap serve` reads them before every rebuild, mostly unchanged
def _parsed(text: str) -> dict | None:
    """The file's mapping, shared: read-only for the caller."""
    return cast("dict | None", values(text))  # the tool writes a mapping, or nothing


def mark(root: Path, lang: str, units: list[Unit]) -> list[Unit]:
    """Record the translations of ``units`` in ``lang`` as current, and return them; a unit
    without a translation cannot be current and is left out."""
    done = [u for u in units if u.texts.get(lang, "").strip()]
    records = read(root)[lang]
    records.update((u.source, fingerprint(u.english)) for u in done)
    write(root, lang, records)
    return done


def write(root: Path, lang: str, records: dict[str, str]) -> None:
    from ..i18n import language

    file = path(root, lang)
    text = _HEADER.format(name=language(lang).english_name) + yaml.safe_dump(
        dict(sorted(records.items())), allow_unicode=True, width=4096
    )
    if not file.is_file() or file.read_text(encoding="utf-8") != text:
        file.parent.mkdir(exist_ok=True)
        file.write_text(text, encoding="utf-8")
