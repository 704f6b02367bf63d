"""``roadmap translations export`` and ``import``: the XLIFF file a translator takes away, and
its targets written back, all or nothing.

Every target is checked before anything is written: the unit exists and its English is still
today's; the translation in the project is still the one the file was exported over (else a
conflict: the import would lose someone's work); the target keeps the English's codes
(placeholders, macros, links, code, brackets, block markers), its brackets balance and a
section keeps its headings. The new files are then made in memory and the whole project
checked with them in a scratch copy, as ``roadmap check`` would; only then is each written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import RoadmapError
from ..i18n import STRINGS_DIR, strings
from ..model import DataError
from ..model.brackets import stray, stray_message
from ..model.problems import Problem
from ..page_source import headings
from ..yamlreader import values
from . import history, inline, records, sources, xliff, yamlwrite
from .freshness import TRANSLATED, Status, fingerprint
from .units import Unit, sections

_AGAIN = "export the file again (`roadmap translations export {lang}`) and carry your work over"


class ImportRefused(RoadmapError):
    """Nothing was written; the message names each unit refused and what to do."""


@dataclass
class Result:
    lang: str
    written: int = 0
    marked: int = 0
    files: list[str] = field(default_factory=list)


def export_file(root: Path, units: list[Unit], status: Status, lang: str) -> bytes:
    """The XLIFF of ``lang``, each outdated unit with the English it was made from (from
    git's history, where it is there)."""
    recorded = records.read(root)[lang]
    outdated = [
        (u, recorded[u.source])
        for u in units
        if u.source in recorded and status.state(lang, u.source) == "outdated"
    ]
    return xliff.export(units, status, lang, recorded, history.befores(root, outdated))


# The project's check, handed in by the command (checks imports translations, not the reverse):
# the problems it finds in the project at ``root`` with the data in ``data_dir``.
Check = Callable[[Path, Path], list[Problem]]


def import_file(root: Path, data_dir: Path | None, content: bytes, check: Check) -> Result:
    data_dir = data_dir or root / "data"
    try:
        parsed = xliff.parse(content)
    except xliff.BadFile as exc:
        raise ImportRefused(f"{exc}; nothing was written") from None
    lang = parsed.lang
    if lang not in TRANSLATED:
        raise ImportRefused(
            f"the file's target-language is {lang!r}; expected one of {', '.join(TRANSLATED)}"
            "; nothing was written"
        )
    try:
        _, units, _ = sources.load(root, data_dir)
    except DataError:
        raise ImportRefused(
            "the project's data has mistakes: `roadmap check` lists them; fix them first"
        ) from None
    changes = _accepted(parsed, {u.source: u for u in units})
    files = _new_files(root, data_dir, lang, changes)
    try:
        _trial(root, data_dir, files, check)
    except ImportRefused as exc:
        names = ", ".join(unit.source for unit, _ in changes)
        raise ImportRefused(f"{exc}\n(the targets imported: {names})") from None
    result = Result(lang, written=len(changes))
    for path, text in files.items():
        _replace(path, text)
        result.files.append(str(path))
    strings.cache_clear()  # the strings file may have changed
    _, units, _ = sources.load(root, data_dir)
    reviewed = [u for u in units if _reviewed(u, parsed)]
    result.marked = len(records.mark(root, lang, reviewed))
    return result


def _reviewed(unit: Unit, parsed: xliff.Parsed) -> bool:
    """Reviewed in the file, and the project holds that very text (not a newer one)."""
    target = parsed.units.get(unit.source)
    today = xliff.trimmed(unit, unit.texts.get(parsed.lang, ""))
    return bool(
        target and target.reviewed and today.strip() and target.text.split() == today.split()
    )


def _accepted(parsed: xliff.Parsed, units: dict[str, Unit]) -> list[tuple[Unit, str]]:
    """(unit, its new translation) for each target that changes one; refused whole with
    every refusal listed."""
    refusals, changes = [], []
    for target in parsed.units.values():
        unit = units.get(target.source)
        reason = _refusal(unit, target, parsed.lang)
        if reason:
            refusals.append(f"{target.source or '(a unit without id)'}: {reason}")
        elif unit is not None and _differs(unit, target, parsed.lang):
            changes.append((unit, target.text))
    if refusals:
        raise ImportRefused(
            f"{len(refusals)} unit{'s' * (len(refusals) != 1)} refused; nothing was written:\n  "
            + "\n  ".join(refusals)
        )
    return changes


def _differs(unit: Unit, target: xliff.Target, lang: str) -> bool:
    """Whether the target would change the project's translation: a target left as it was
    exported (its fingerprint is the base's) changes nothing, even over a newer one."""
    today = xliff.trimmed(unit, unit.texts.get(lang, ""))
    if not target.text.strip() or target.text.split() == today.split():
        return False
    return target.base != fingerprint(target.text)


def _refusal(unit: Unit | None, target: xliff.Target, lang: str) -> str | None:
    again = _AGAIN.format(lang=lang)
    if unit is None:
        return f"no page section, data text or string has this name today; {again}"
    if target.problem:
        return target.problem
    if target.english.split() != xliff.trimmed(unit, unit.english).split():
        return f"its English changed since the file was exported; {again}"
    if not _differs(unit, target, lang):
        return None
    today = unit.texts.get(lang, "")
    if target.base is None:
        return f"the file does not say which {lang} translation it was made over; {again}"
    if target.base != (fingerprint(today) if today.strip() else ""):
        file, line = unit.where.get(lang, ("the project", None))
        return (
            f"conflict: the {lang} translation in {file}{f':{line}' if line else ''} changed "
            "since the file was exported, and this target would overwrite it; " + again
        )
    return _invalid(unit, target.text)


def _invalid(unit: Unit, text: str) -> str | None:
    """Why a target cannot replace the translation (None: it can)."""
    lost = inline.mismatch(xliff.trimmed(unit, unit.english), text)
    if lost:
        return (
            f"the target {lost}; keep the English's tags (placeholders, macros, links, code, "
            "[[ ]] brackets, Markdown marks) exactly, translating only the words between them"
        )
    for _, token in stray(text):
        return stray_message(token).replace(" on the same line", "")
    if unit.kind == "section":
        want = [(h.level, h.id) for h in headings(unit.english)]
        if [(h.level, h.id) for h in headings(text)] != want:
            return "the target's headings are not the English's (the same levels and {#ids})"
        if text.count("```") != unit.english.count("```"):
            return "the target's code blocks (```) are not the English's"
    return None


def _new_files(
    root: Path, data_dir: Path, lang: str, changes: list[tuple[Unit, str]]
) -> dict[Path, str]:
    """Each file the changes touch -> its new text (not written)."""
    yaml_values: dict[Path, dict] = defaultdict(dict)
    pages: dict[str, dict[str, str]] = defaultdict(dict)  # English page -> anchor -> text
    for unit, text in changes:
        if unit.kind == "data":
            yaml_values[data_dir / Path(unit.file).name][(*unit.path, lang)] = text
        elif unit.kind == "string":
            yaml_values[STRINGS_DIR / f"{lang}.yml"][unit.path] = text
        else:
            pages[unit.file][unit.anchor] = text
    out = {}
    for path, texts_at in yaml_values.items():
        out[path] = _yaml_text(path, texts_at, changes)
    for english, texts in pages.items():
        page = root / "docs" / lang / Path(english).name
        out[page] = _page_text(root / english, page, texts)
    return out


def _yaml_text(path: Path, values_: dict, changes: list[tuple[Unit, str]]) -> str:
    names = ", ".join(u.source for u, _ in changes if u.kind != "section")
    try:
        text = yamlwrite.with_values(path.read_text(encoding="utf-8"), values_)
        read = values(text)
    except (KeyError, IndexError, TypeError, yaml.YAMLError) as exc:
        raise ImportRefused(
            f"{path.name}: these texts could not be written into it ({exc}); nothing was "
            f"written. Units: {names}"
        ) from None
    for item, value in values_.items():
        node = read
        for step in item:
            node = node[step] if isinstance(node, dict | list) else None
        if node != value:
            raise ImportRefused(
                f"{path.name}: the text for {'.'.join(map(str, item))} would not read back "
                f"as written; nothing was written. Units: {names}"
            )
    return text


def _page_text(english_page: Path, page: Path, texts: dict[str, str]) -> str:
    """The translated page with the sections in ``texts`` replaced whole (each keeps the
    blank lines that ended it); a page not yet translated needs all its sections."""
    english = {k: t for k, (_, t) in sections(english_page.read_text(encoding="utf-8")).items()}
    if page.is_file():
        current = {k: t for k, (_, t) in sections(page.read_text(encoding="utf-8")).items()}
    else:
        lacking = [k for k in english if k not in texts]
        if lacking:
            raise ImportRefused(
                f"{page.as_posix()} does not exist yet, and the file translates only some of "
                f"its sections (not {', '.join(lacking)}); nothing was written. Translate "
                "all its sections, or create the page first"
            )
        current = {}
    out = []
    for anchor, english_text in english.items():
        if anchor in texts:
            old = current.get(anchor) or english_text
            out.append(texts[anchor].rstrip() + (old[len(old.rstrip()) :] or "\n"))
        elif anchor in current:
            out.append(current[anchor])
    out += [t for k, t in current.items() if k not in english]  # kept: the check names them
    return "".join(out)


def _trial(root: Path, data_dir: Path, files: dict[Path, str], check: Check) -> None:
    """The project checked with the new files, in a scratch copy; refused on any error in
    them. (Interface strings live in the package: their codes were compared instead.)"""

    with tempfile.TemporaryDirectory(prefix="roadmap-import-") as tmp:
        copy = Path(tmp)
        shutil.copytree(root / "docs", copy / "docs")
        shutil.copytree(data_dir, copy / "data")
        if (root / records.FOLDER).is_dir():
            shutil.copytree(root / records.FOLDER, copy / records.FOLDER)
        for config in root.glob("mkdocs*.yml"):
            shutil.copy2(config, copy / config.name)
        names = set()
        for path, text in files.items():
            if path.is_relative_to(data_dir):
                rel = Path("data") / path.relative_to(data_dir)
            elif path.is_relative_to(root):
                rel = path.relative_to(root)
            else:
                continue
            (copy / rel).write_text(text, encoding="utf-8")
            names.add(rel.as_posix())
        found = check(copy, copy / "data")
    errors = [str(p) for p in found if p.file in names]
    if errors:
        raise ImportRefused(
            "with these targets, the check finds mistakes; nothing was written:\n  "
            + "\n  ".join(errors)
        )


def _replace(path: Path, text: str) -> None:
    """Written whole or not at all: to a file beside it, then renamed over it."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    if path.exists():
        shutil.copymode(path, tmp)
    os.replace(tmp, path)
