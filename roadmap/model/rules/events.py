"""data/events.yml, and the ids of the files whose items have no other rule."""

from __future__ import annotations

from ..problems import Problem
from .context import Context, known


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


def lifetimes(ctx: Context) -> list[Problem]:
    """An actor's lifetime is given by events that exist, the first not after the second."""
    out: list[Problem] = []
    doc = ctx.docs["actors"]
    for i, actor in enumerate(ctx.files["actors"].actors):
        for key in ("active_from", "active_until"):
            event = getattr(actor, key)
            if event is not None and event not in ctx.events:
                out.append(
                    doc.problem(
                        ("actors", i, key), f"'{event}' is not an event {known(ctx.events, event)}"
                    )
                )
        since = ctx.events.get(actor.active_from or "")
        until = ctx.events.get(actor.active_until or "")
        if since is not None and until is not None and until.last_day < since.start:
            out.append(
                doc.problem(
                    ("actors", i, "active_until"), f"{until.id} ends before {since.id} begins"
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
