"""data/phases.yml: phases, and the objectives, milestones and deliverables inside them."""

from __future__ import annotations

from ..problems import Problem
from .context import Context, known

_NESTED = (("objectives", ".O"), ("milestones", ".M"), ("deliverables", ".D"))


def check(ctx: Context) -> list[Problem]:
    out: list[Problem] = []
    doc = ctx.docs["phases"]
    for i, p in enumerate(ctx.files["phases"].phases):
        out += ctx.unique(p.id, "phases", ("phases", i))
        if p.end < p.start:
            out.append(
                doc.problem(("phases", i, "end"), f"{p.end} is before the start ({p.start})")
            )
        out += _nested_ids(ctx, i, p)
        out += _milestones(ctx, i, p)
    return out


def _nested_ids(ctx: Context, i: int, phase) -> list[Problem]:
    """An objective, milestone or deliverable id starts with its phase's: P1.O2, P1.M1, P1.D1."""
    out: list[Problem] = []
    for key, prefix in _NESTED:
        for j, item in enumerate(getattr(phase, key)):
            out += ctx.unique(item.id, "phases", ("phases", i, key, j))
            if not item.id.startswith(phase.id + prefix):
                out.append(
                    ctx.docs["phases"].problem(
                        ("phases", i, key, j, "id"),
                        f"'{item.id}' must start with its phase id: '{phase.id}{prefix}'",
                    )
                )
    return out


def _milestones(ctx: Context, i: int, phase) -> list[Problem]:
    """A milestone is tied to a date or to an event of data/events.yml, not both."""
    out: list[Problem] = []
    for j, ms in enumerate(phase.milestones):
        path = ("phases", i, "milestones", j)
        if (ms.date is None) == (ms.event is None):
            out.append(
                ctx.docs["phases"].problem(
                    path,
                    "give either 'date' or 'event' (an id from data/events.yml), not both and "
                    "not neither",
                )
            )
        elif ms.event is not None and ms.event not in ctx.events:
            out.append(
                ctx.docs["phases"].problem(
                    path + ("event",), f"'{ms.event}' is not an event {known(ctx.events, ms.event)}"
                )
            )
    return out
