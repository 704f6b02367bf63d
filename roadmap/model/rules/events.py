"""data/events.yml, and the ids of the files whose items have no other rule."""

from __future__ import annotations

from ..problems import Problem
from .context import Context


def check(ctx: Context) -> list[Problem]:
    out: list[Problem] = []
    for i, e in enumerate(ctx.files["events"].events):
        out += ctx.unique(e.id, "events", ("events", i))
        if e.end is not None and e.end < e.start:
            out.append(
                ctx.docs["events"].problem(
                    ("events", i, "end"), f"{e.end} is before the start ({e.start})"
                )
            )
    return out


def simple_ids(ctx: Context) -> list[Problem]:
    """Actors, funding sources and glossary terms: their ids are unique like every other."""
    out: list[Problem] = []
    for file, key, items in (
        ("actors", "actors", ctx.files["actors"].actors),
        ("resources", "funding_sources", ctx.files["resources"].funding_sources),
        ("glossary", "terms", ctx.files["glossary"].terms),
    ):
        for i, item in enumerate(items):
            out += ctx.unique(item.id, file, (key, i))
    return out
