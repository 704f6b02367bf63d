"""Actors act within their mandate: arrangements need the approval their mandate requires.

An actor with ``approval_by`` (the secretariat, whose arrangements are subject to the approval
of the Conference of the Parties under Article 50(4)) cannot lead an activity that concludes
arrangements (``concludes_arrangements``) without the approving actor among its partners.
(When an actor acts, its lifetime, is the rule of workplan._lifetimes.)
"""

from __future__ import annotations

from ..problems import Problem
from .context import Context, known


def approvals(ctx: Context) -> list[Problem]:
    out: list[Problem] = []
    for i, actor in enumerate(ctx.files["actors"].actors):
        if actor.approval_by is not None and actor.approval_by not in ctx.actors:
            out.append(
                ctx.docs["actors"].problem(
                    ("actors", i, "approval_by"),
                    f"'{actor.approval_by}' is not an actor {known(ctx.actors)}",
                )
            )
    for i, a in enumerate(ctx.files["workplan"].activities):
        lead = ctx.actors.get(a.lead)
        if not a.concludes_arrangements or lead is None or lead.approval_by is None:
            continue
        if lead.approval_by not in a.partners:
            out.append(
                ctx.docs["workplan"].problem(
                    ("activities", i, "partners"),
                    f"'{a.lead}' concludes arrangements only subject to the approval of "
                    f"'{lead.approval_by}': add '{lead.approval_by}' to the partners",
                )
            )
    return out
