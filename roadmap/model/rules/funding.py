"""Funding sources pay only for what they may pay (Article 52 of the Agreement).

A source that lists the purposes it may pay (``pays``) refuses a resource of any other purpose:
the voluntary trust fund of Article 52(4)(a) pays for developing States' participation in
meetings, not for a platform.
"""

from __future__ import annotations

from ..problems import Problem
from .context import Context


def check(ctx: Context) -> list[Problem]:
    out: list[Problem] = []
    doc = ctx.docs["resources"]
    for i, r in enumerate(ctx.files["resources"].resources):
        source = ctx.funding.get(r.funding or "")
        if source is None or source.pays is None:
            continue
        basis = f" ({source.basis})" if source.basis else ""
        if r.purpose is None:
            out.append(
                doc.problem(
                    ("resources", i, "funding"),
                    f"'{source.id}' pays only for {', '.join(source.pays)}{basis}: "
                    "give the resource's 'purpose'",
                )
            )
        elif r.purpose not in source.pays:
            out.append(
                doc.problem(
                    ("resources", i, "purpose"),
                    f"'{source.id}' cannot pay for {r.purpose}: it pays only for "
                    f"{', '.join(source.pays)}{basis}",
                )
            )
    return out
