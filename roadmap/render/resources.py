"""Resources: tables per phase and kind, and totals per phase, kind and funding source."""

from __future__ import annotations

from ..i18n import t
from ..i18n.formatting import format_money, format_number
from ..model import Roadmap, totals
from .links import Linker, Origin
from .templating import render_block

KINDS = ("human", "technical", "financial")


def _money_lines(groups, lang: str) -> list[str]:
    return [
        _whole(t(lang, f"total.{key.recurrence}", amount=format_money(value, key.currency, lang)))
        for key, value in groups.items()
    ]


def _people_lines(groups, lang: str) -> list[str]:
    return [
        _whole(t(lang, f"unit.{unit}", n=format_number(value, lang)))
        for unit, value in groups.items()
    ]


def _whole(total: str) -> str:
    """One total never breaks across lines; a list of totals breaks between them."""
    return total.replace(" ", "\u00a0")


def tables(roadmap: Roadmap, lang: str, page_src: str, origin: Origin | None = None) -> str:
    link = Linker(page_src, roadmap, origin)
    sections = []
    for phase in roadmap.phases:
        res = roadmap.resources_of(phase.id)
        if not res:
            continue
        kinds = [(k, [r for r in res if r.kind == k]) for k in KINDS]
        sections.append(
            {
                "phase": phase,
                "kinds": [(k, rows) for k, rows in kinds if rows],
                "money": _money_lines(totals.money(res), lang),
                "people": _people_lines(totals.people(res), lang),
                "illustrative": any(r.illustrative for r in res),
            }
        )
    return render_block(
        "resources.html",
        sections=sections,
        lang=lang,
        link=link,
        roadmap=roadmap,
        money=lambda r: format_money(r.amount, r.currency, lang),
        qty=lambda r: t(lang, f"unit.{r.unit}", n=format_number(r.quantity, lang)),
    )


def summary(roadmap: Roadmap, lang: str, page_src: str) -> str:
    """Totals across the roadmap: per phase, per kind, per funding source."""
    res = roadmap.resources
    by_phase = [
        (
            p,
            _money_lines(totals.money(roadmap.resources_of(p.id)), lang),
            _people_lines(totals.people(roadmap.resources_of(p.id)), lang),
        )
        for p in roadmap.phases
    ]
    by_kind = [
        (
            k,
            _money_lines(totals.money([r for r in res if r.kind == k]), lang),
            _people_lines(totals.people([r for r in res if r.kind == k]), lang),
        )
        for k in KINDS
    ]
    by_funding = [
        (
            roadmap.funding_by_id[f],
            _money_lines(totals.money(rows), lang),
            _people_lines(totals.people(rows), lang),
        )
        for f, rows in totals.by(res, lambda r: r.funding).items()
    ]
    return render_block(
        "resources_summary.html",
        lang=lang,
        link=Linker(page_src),
        by_phase=by_phase,
        by_kind=by_kind,
        by_funding=by_funding,
        grand=_money_lines(totals.money(res), lang),
        grand_people=_people_lines(totals.people(res), lang),
        illustrative=any(r.illustrative for r in res),  # totals of invented figures
    )
