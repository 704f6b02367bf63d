"""data/resources.yml: each resource's phase, the fields that go together, currency, funding."""

from __future__ import annotations

from babel.numbers import list_currencies

from ..problems import Problem
from .context import Context, known

_CURRENCIES = frozenset(list_currencies())


def check(ctx: Context) -> list[Problem]:
    out: list[Problem] = []
    for i, r in enumerate(ctx.files["resources"].resources):
        out += ctx.unique(r.id, "resources", ("resources", i))
        out += [
            ctx.docs["resources"].problem(("resources", i, *sub), message)
            for sub, message in _problems(ctx, r)
        ]
    return out


def _problems(ctx: Context, r) -> list[tuple[tuple, str]]:
    """(where in the resource, what is wrong), in the order an editor reads the fields."""
    found: list[tuple[tuple, str]] = []
    if r.phase not in ctx.phase_by_id:
        found.append((("phase",), f"'{r.phase}' is not a phase {known(ctx.phase_by_id, r.phase)}"))
    if (r.quantity is None) != (r.unit is None):
        found.append(((), "'quantity' and 'unit' go together: give both or neither"))
    if (r.amount is None) != (r.currency is None):
        found.append(((), "'amount' and 'currency' go together: give both or neither"))
    if r.kind == "human" and r.quantity is None:
        found.append(
            ((), "a human resource needs 'quantity' and 'unit' (e.g. quantity: 2, unit: fte)")
        )
    if r.kind == "financial" and (r.amount is None or r.funding is None):
        found.append(((), "a financial resource needs 'amount', 'currency' and 'funding'"))
    if r.currency is not None and r.currency not in _CURRENCIES:
        found.append(
            (("currency",), f"'{r.currency}' is not an ISO 4217 currency code (e.g. USD, EUR, CHF)")
        )
    if r.funding is not None and r.funding not in ctx.funding:
        found.append(
            (("funding",), f"'{r.funding}' is not a funding source {known(ctx.funding, r.funding)}")
        )
    return found
