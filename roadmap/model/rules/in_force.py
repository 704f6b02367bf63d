"""Nothing that needs an instrument is dated before the instrument is in force.

An event or activity with ``needs: EIF`` (the event of the Agreement's entry into force) may
not start before that event's first day: a Conference of the Parties, a notification under
Article 12 or a fund of Article 52 exists only from then on.
"""

from __future__ import annotations

from ..problems import Problem
from .context import Context, known


def check(ctx: Context) -> list[Problem]:
    out: list[Problem] = []
    for file, key, items in (
        ("events", "events", ctx.files["events"].events),
        ("workplan", "activities", ctx.files["workplan"].activities),
    ):
        for i, item in enumerate(items):
            found = _before(ctx, item)
            if found:
                out.append(ctx.docs[file].problem((key, i, found[0]), found[1]))
    return out


def _before(ctx: Context, item) -> tuple[str, str] | None:
    """(the field at fault, what is wrong), or None."""
    if item.needs is None:
        return None
    since = ctx.events.get(item.needs)
    if since is None:
        return "needs", f"'{item.needs}' is not an event {known(ctx.events)}"
    if item.start < since.start:
        return "start", (
            f"'{item.id}' starts {item.start}, before {since.id} ({since.start}), from which "
            "what it needs is in force: date it later or remove 'needs'"
        )
    return None
