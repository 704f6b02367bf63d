"""Item-by-item, field-by-field differences between the data of two drafts.

Items are matched by id, which never changes between drafts. Values are compared as the reader
of one language sees them: a text in that language (English where it is missing), everything
else as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..i18n import CODES, DEFAULT
from ..model.schema import FILES
from ..yamlreader import values

# kind -> (data file, list key); nested kinds live in a list inside their phase.
TOP = {
    "phase": ("phases", "phases"),
    "activity": ("workplan", "activities"),
    "resource": ("resources", "resources"),
}
NESTED = {"objectives": "objective", "milestones": "milestone", "deliverables": "deliverable"}
KINDS = ("phase", "objective", "milestone", "deliverable", "activity", "resource")


@dataclass
class FieldChange:
    name: str
    old: object
    new: object
    text: bool  # reader-visible text (shown as a word-level redline)


@dataclass
class Change:
    kind: str
    id: str
    action: str  # added | removed | changed
    item: dict  # the item as it is now (as it was, if removed)
    fields: list[FieldChange] = field(default_factory=list)


def load_files(files: Mapping[str, bytes | str]) -> dict[str, dict]:
    """Parsed data files (name without .yml -> content) from file name -> bytes."""
    out = {}
    for name in FILES:
        raw = files.get(f"{name}.yml")
        if raw is None:
            continue
        data = values(raw)
        out[name] = data if isinstance(data, dict) else {}
    return out


def items(data: dict[str, dict]) -> dict[tuple[str, str], dict]:
    """(kind, id) -> item, nested items pulled out of their phase."""
    out: dict[tuple[str, str], dict] = {}
    for kind, (name, key) in TOP.items():
        for item in (data.get(name) or {}).get(key) or []:
            if not isinstance(item, dict) or "id" not in item:
                continue
            out[(kind, str(item["id"]))] = item
            for nested_key, nested_kind in NESTED.items():
                if kind != "phase":
                    continue
                for sub in item.get(nested_key) or []:
                    if isinstance(sub, dict) and "id" in sub:
                        out[(nested_kind, str(sub["id"]))] = sub
    return out


def is_text(value) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= set(CODES)


def shown(value, lang: str):
    """The value as a reader of ``lang`` sees it, for comparison and display."""
    if is_text(value):
        return value.get(lang) or value.get(DEFAULT) or ""
    if isinstance(value, list):
        return [shown(v, lang) for v in value]
    if isinstance(value, str):
        return " ".join(value.split())
    return value


def _fields(kind: str, old: dict, new: dict, lang: str) -> list[FieldChange]:
    skip = {"id"} | (set(NESTED) if kind == "phase" else set())
    names = [k for k in new if k not in skip] + [k for k in old if k not in new and k not in skip]
    out = []
    for name in names:
        a, b = shown(old.get(name), lang), shown(new.get(name), lang)
        if a != b and not (_empty(a) and _empty(b)):
            texty = any(
                is_text(v) or (isinstance(v, list) and any(is_text(x) for x in v))
                for v in (old.get(name), new.get(name))
            )
            out.append(FieldChange(name, a, b, texty))
    return out


def _empty(value) -> bool:
    return value is None or value == [] or value == "" or value is False


def compare(old: dict[str, dict], new: dict[str, dict], lang: str) -> list[Change]:
    """Every added, removed and changed item, in the order of KINDS, then of the new data."""
    before, after = items(old), items(new)
    changes = []
    for kind in KINDS:
        for key, item in after.items():
            if key[0] != kind:
                continue
            if key not in before:
                changes.append(Change(kind, key[1], "added", item))
            else:
                fields = _fields(kind, before[key], item, lang)
                if fields:
                    changes.append(Change(kind, key[1], "changed", item, fields))
        changes += [
            Change(kind, key[1], "removed", item)
            for key, item in before.items()
            if key[0] == kind and key not in after
        ]
    return changes
