"""Rules that span items and files, one small function per rule, one module per data file.

Each rule reads a ``Context`` (the validated files, their YAML positions and lookups by id)
and returns its problems; ``check`` runs them in the order of the files.
"""

from __future__ import annotations

from ..problems import Problem
from . import (
    deadlines,
    draft_order,
    events,
    funding,
    headcount,
    in_force,
    mandates,
    of_phases,
    of_resources,
    of_workplan,
    quotations,
    texts,
)
from .context import Context


def check(files: dict, docs: dict, *, partial: bool = False) -> list[Problem]:
    """All cross-file problems, errors and warnings, of well-shaped files. ``partial``: some
    items were left out for their mistakes (model/partial.py); a rule that cannot run without
    them is passed over, since those mistakes are reported and must be mended first."""
    ctx = Context.of(files, docs)
    out: list[Problem] = []
    for rule in _RULES:
        try:
            out += rule(ctx)
        except (KeyError, AttributeError, TypeError, ValueError):
            if not partial:
                raise
    return out


_RULES = (
    of_phases.check,
    events.check,
    events.simple_ids,
    events.lifetimes,
    of_workplan.check,
    of_workplan.cycles,
    of_resources.check,
    draft_order.check,
    headcount.phases_follow,
    headcount.continued_posts,
    funding.check,
    in_force.check,
    mandates.approvals,
    deadlines.check,
    quotations.check,
    quotations.unconfirmed,
    texts.missing_translations,
    texts.stray_brackets,
)
