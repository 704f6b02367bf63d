"""data/drafts.yml: drafts listed oldest first."""

from __future__ import annotations

from ..problems import Problem
from .context import Context


def check(ctx: Context) -> list[Problem]:
    out: list[Problem] = []
    drafts = ctx.files["drafts"].drafts
    for i, d in enumerate(drafts):
        out += ctx.unique(d.id, "drafts", ("drafts", i))
        before = drafts[i - 1] if i else None
        if before is not None and (d.date < before.date or d.number <= before.number):
            out.append(
                ctx.docs["drafts"].problem(
                    ("drafts", i),
                    f"drafts are listed oldest first: {d.id} ({d.date}) comes after "
                    f"{before.id} ({before.date})",
                )
            )
    return out
