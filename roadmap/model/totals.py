"""Resource totals: computed from the data, never typed by hand.

Money is summed per currency and per recurrence (a one-off cost and an annual cost are
different quantities); people are summed per unit.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from .schema import Resource


@dataclass(frozen=True, order=True)
class MoneyKey:
    currency: str
    recurrence: str


def _dec(value: float) -> Decimal:
    return Decimal(str(value))


def money(resources: list[Resource]) -> dict[MoneyKey, Decimal]:
    out: dict[MoneyKey, Decimal] = defaultdict(Decimal)
    for r in resources:
        if r.amount is not None and r.currency is not None:
            out[MoneyKey(r.currency, r.recurrence)] += _dec(r.amount)
    return dict(sorted(out.items()))


def people(resources: list[Resource]) -> dict[str, Decimal]:
    out: dict[str, Decimal] = defaultdict(Decimal)
    for r in resources:
        if r.kind == "human" and r.quantity is not None and r.unit is not None:
            out[r.unit] += _dec(r.quantity)
    return dict(sorted(out.items()))


def by(resources: list[Resource], key) -> dict[str, list[Resource]]:
    """Group resources by ``key(resource)``, keeping first-seen order."""
    groups: dict[str, list[Resource]] = {}
    for r in resources:
        k = key(r)
        if k is not None:
            groups.setdefault(k, []).append(r)
    return groups


@dataclass(frozen=True)
class Peak:
    """Totals across phases that never run at once: one-off costs add up; annual costs and
    people do not, so they are the highest of any one phase (phases follow one another, and
    posts that continue into a later phase are counted in that phase only)."""

    money: dict[MoneyKey, Decimal]
    people: dict[str, Decimal]


def peak(resources: list[Resource], phase_ids: list[str]) -> Peak:
    cost: dict[MoneyKey, Decimal] = defaultdict(Decimal)
    staff: dict[str, Decimal] = defaultdict(Decimal)
    for pid in phase_ids:
        mine = [r for r in resources if r.phase == pid]
        for key, value in money(mine).items():
            cost[key] = cost[key] + value if key.recurrence == "one-off" else max(cost[key], value)
        for unit, value in people(mine).items():
            # fte: people at once, the highest phase; person-months and days: work, they add
            staff[unit] = max(staff[unit], value) if unit == "fte" else staff[unit] + value
    return Peak(dict(sorted(cost.items())), dict(sorted(staff.items())))
