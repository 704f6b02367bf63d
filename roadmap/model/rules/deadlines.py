"""Dates derived from a rule (ToR paragraph 15: 12 weeks before PrepCom 3) are computed from it.

An event with ``due: {weeks_before: 12, event: PC3}`` must be dated exactly that many weeks
before the first day of that event, so that the date and the rule shown with it agree.
"""

from __future__ import annotations

import datetime as dt

from ..problems import Problem
from .context import Context, known


def due_date(ctx: Context, due) -> dt.date | None:
    """The date the rule gives, or None if its event is unknown."""
    event = ctx.events.get(due.event)
    return event.start - dt.timedelta(weeks=due.weeks_before) if event else None


def check(ctx: Context) -> list[Problem]:
    out: list[Problem] = []
    doc = ctx.docs["events"]
    for i, e in enumerate(ctx.files["events"].events):
        if e.due is None:
            continue
        expected = due_date(ctx, e.due)
        if expected is None:
            out.append(
                doc.problem(
                    ("events", i, "due", "event"),
                    f"'{e.due.event}' is not an event {known(ctx.events)}",
                )
            )
        elif e.start != expected:
            out.append(
                doc.problem(
                    ("events", i, "start"),
                    f"{e.start} does not follow its rule: {e.due.weeks_before} weeks before "
                    f"{e.due.event} ({ctx.events[e.due.event].start}) is {expected}",
                )
            )
    return out
