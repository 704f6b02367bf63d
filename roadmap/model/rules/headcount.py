"""What resource totals rest on: phases that follow one another, posts counted once.

Totals give the headcount at the peak and the cost of each phase per year, never a sum across
phases; that holds only if phases do not overlap. A human resource that ``continues`` the posts
of an earlier phase (the same people) names one of an earlier phase, in the same unit.
"""

from __future__ import annotations

from ..problems import Problem
from .context import Context


def phases_follow(ctx: Context) -> list[Problem]:
    out: list[Problem] = []
    phases = ctx.files["phases"].phases
    for i, (before, p) in enumerate(zip(phases, phases[1:], strict=False), start=1):
        if p.start <= before.end:
            out.append(
                ctx.docs["phases"].problem(
                    ("phases", i, "start"),
                    f"{p.id} starts {p.start}, before {before.id} ends ({before.end}): phases "
                    "follow one another, so that totals per phase are never added twice",
                )
            )
    return out


def continued_posts(ctx: Context) -> list[Problem]:
    out: list[Problem] = []
    resources = ctx.files["resources"].resources
    by_id = {r.id: r for r in resources}
    order = [p.id for p in ctx.files["phases"].phases]
    for i, r in enumerate(resources):
        if r.continues is None:
            continue
        earlier = by_id.get(r.continues)
        message = None
        if earlier is None or earlier.kind != "human":
            message = f"'{r.continues}' is not a human resource"
        elif earlier.unit != r.unit:
            message = f"'{r.continues}' counts {earlier.unit}, this resource {r.unit}"
        elif (
            r.phase in order
            and earlier.phase in order
            and (order.index(earlier.phase) >= order.index(r.phase))
        ):
            message = (
                f"'{r.continues}' is in {earlier.phase}, not in a phase before {r.phase}: "
                "posts held by the same people in one phase are one resource"
            )
        if message:
            out.append(ctx.docs["resources"].problem(("resources", i, "continues"), message))
    return out
