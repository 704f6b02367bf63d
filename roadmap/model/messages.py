"""pydantic's validation errors, reworded for the person editing the YAML."""

from __future__ import annotations

import difflib
import types
import typing
from datetime import date
from fnmatch import fnmatchcase

from pydantic import BaseModel, RootModel
from pydantic_core import ErrorDetails

from .problems import Path
from .schema import ID_PATTERNS


def describe(value: object) -> str:
    """How a found value is named in a message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return repr(shown)
    if isinstance(value, (int, float, date)):
        return str(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a block of fields"
    return type(value).__name__


def field_names(model: type[BaseModel], loc: Path) -> list[str]:
    """The field names allowed at ``loc`` inside ``model`` (for 'did you mean')."""
    current: object = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, RootModel):
            current = _unwrap(current.model_fields["root"].annotation)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part)
            current = field.annotation if field else None
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(tp: object) -> object:
    """Optional[X] -> X."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0] if len(args) == 1 else tp
    return tp


# Errors whose message needs nothing but what was found ({found}), by pydantic error type;
# a pattern ending in '*' takes every type that starts so (date_parsing, int_from_float...).
_BY_TYPE: tuple[tuple[tuple[str, ...], str], ...] = (
    (("date*",), "{found} is not a real date; expected YYYY-MM-DD, e.g. 2026-04-01"),
    (("string_type",), "expected text, found {found}"),
    (("string_too_short",), "must not be empty"),
    (("list_type", "tuple_type"), "expected a list (one '- ' line per entry), found {found}"),
    (
        ("model_type", "dict_type", "model_attributes_type"),
        "expected a block of fields, found {found}",
    ),
    (("too_short",), "needs at least one entry"),
    (("greater_than_equal",), "must not be negative (found {found})"),
    (("float*", "int*", "decimal*"), "expected a number, found {found}"),
    (("bool*",), "expected true or false, found {found}"),
)


def reword(error: ErrorDetails, model: type[BaseModel]) -> tuple[Path, str, bool]:
    """(path, message, points_at_key) for one pydantic error."""
    loc = _data_loc(error["loc"])
    kind = error["type"]
    found = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return loc, "this field is required", False
    if kind == "extra_forbidden":
        return loc, _unknown_field(loc, model), True
    if kind == "string_pattern_mismatch":
        expected = ID_PATTERNS.get(ctx.get("pattern", ""), f"text matching {ctx.get('pattern')}")
        return loc, f"{describe(found)} is not {expected}", False
    if kind == "literal_error" and "[key]" in error["loc"]:
        message = f"{describe(found)} is not a language code; expected one of {ctx.get('expected')}"
        return loc, message, True
    if kind == "literal_error":
        return loc, f"{describe(found)} is not allowed here; expected {ctx.get('expected')}", False
    if kind == "value_error":
        return loc, str(ctx.get("error", error["msg"])), False
    for patterns, message in _BY_TYPE:
        if any(fnmatchcase(kind, pattern) for pattern in patterns):
            return loc, message.format(found=describe(found)), False
    return loc, f"{error['msg']} (found {describe(found)})", False


def _data_loc(loc: tuple[int | str, ...]) -> Path:
    """The path in the data: without the parts pydantic adds for dict keys and union members."""
    # RootModel inserts no loc part, but unions add the type name: drop anything not from the data.
    return tuple(
        p
        for p in loc
        if p != "[key]" and (isinstance(p, int) or not p.startswith(("function-", "date")))
    )


def _unknown_field(loc: Path, model: type[BaseModel]) -> str:
    """A field the model does not have, with the closest allowed name and all of them."""
    name = loc[-1]
    allowed = field_names(model, loc[:-1])
    close = difflib.get_close_matches(str(name), allowed, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"unknown field '{name}'; {hint}allowed here: {', '.join(allowed)}"
