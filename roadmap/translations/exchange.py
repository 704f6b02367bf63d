"""``roadmap translations import``: a translator's XLIFF file written back into the YAML."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RoadmapError
from ..i18n import STRINGS_DIR, strings
from ..model.problems import Path as ItemPath
from . import records, sources, xliff, yamlwrite
from .freshness import TRANSLATED
from .units import Unit


class ImportRefused(RoadmapError):
    """Nothing was written: the file does not fit today's English or names no language."""


@dataclass
class Result:
    lang: str
    written: int = 0
    marked: int = 0
    files: list[str] = field(default_factory=list)


def import_file(root: Path, data_dir: Path | None, content: bytes) -> Result:
    data_dir = data_dir or root / "data"
    parsed = xliff.parse(content)
    if parsed.lang not in TRANSLATED:
        raise ImportRefused(
            f"the file's target-language is {parsed.lang!r}; "
            f"expected one of {', '.join(TRANSLATED)}"
        )
    _, units, _ = sources.load(root, data_dir)
    stale = xliff.stale(parsed, units)
    if stale:
        raise ImportRefused(
            "the English of these units is no longer today's English, so their translations "
            "may not fit it; nothing was written. Export the file again and carry the work "
            "over:\n  " + "\n  ".join(stale)
        )
    result = Result(parsed.lang)
    for file, values in _changes(units, parsed, data_dir).items():
        result.written += len(values)
        if yamlwrite.set_values(file, values):
            result.files.append(str(file))
    strings.cache_clear()  # the strings file may have changed
    _, units, _ = sources.load(root, data_dir)
    reviewed = [u for u in units if u.source in parsed.reviewed]
    result.marked = len(records.mark(root, parsed.lang, reviewed))
    return result


def _changes(units: list[Unit], parsed: xliff.Parsed, data_dir: Path) -> dict[Path, dict]:
    """File -> path of the text in it -> the translation, for each target that differs."""
    lang = parsed.lang
    out: dict[Path, dict[ItemPath, str]] = defaultdict(dict)
    for unit in units:
        target = parsed.targets.get(unit.source)
        if target is None or target == unit.texts.get(lang):
            continue
        if unit.kind == "data":
            out[data_dir / Path(unit.file).name][(*unit.path, lang)] = target
        else:
            out[STRINGS_DIR / f"{lang}.yml"][unit.path] = target
    return out
