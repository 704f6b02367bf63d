"""A data file with mistakes in some of its items, read without those items, so that the rules
and the page check still run on the rest: one run reports every mistake it can, not one layer
at a time (a wrong date no longer hides a wrong partner id, nor the data a page's mistake)."""

from __future__ import annotations

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails


def salvage(
    model: type[BaseModel], data: dict, errors: list[ErrorDetails]
) -> tuple[BaseModel, dict[str, list[int]], set[str]] | None:
    """``data`` validated without the list items the ``errors`` are in: the model, the indices
    kept in each list cut (the rules' paths map back through them), and the ids of the items
    left out. None when a mistake lies outside any item (the whole file is then unread)."""
    bad: dict[str, set[int]] = {}
    for error in errors:
        loc = error["loc"]
        if len(loc) < 2 or not isinstance(loc[0], str) or not isinstance(loc[1], int):
            return None
        bad.setdefault(loc[0], set()).add(loc[1])
    trimmed, kept, left_out = dict(data), {}, set()
    for name, indices in bad.items():
        items = data[name]
        kept[name] = [i for i in range(len(items)) if i not in indices]
        trimmed[name] = [items[i] for i in kept[name]]
        left_out |= {
            str(items[i]["id"]) for i in indices if isinstance(items[i], dict) and "id" in items[i]
        }
    try:
        return model.model_validate(trimmed), kept, left_out
    except ValidationError:
        return None


def about(message: str, ids: set[str]) -> bool:
    """Whether a message names one of ``ids`` (an item left out, unknown to the rest for that
    reason alone: its own mistake is reported already)."""
    return any(f"'{ident}'" in message or f'"{ident}"' in message for ident in ids)
