"""Resources: tables per phase and kind, and totals per phase, kind and funding source."""

from __future__ import annotations

from ..i18n import t
from ..i18n.formatting import format_money, format_number
from ..model import Roadmap, totals
from .links import Here, Linker, Origin
from .templating import render_block

KINDS = ("human", "technical", "financial")


def _money_lines(groups, lang: str, peak: bool = False) -> list[str]:
    """Per phase, or across phases (``peak``): then an annual cost is the highest year's."""
    out = []
    for key, value in groups.items():
        amount = _whole(format_money(value, key.currency, lang))
        if peak and key.recurrence == "annual":  # a long qualifier may wrap after the amount
            out.append(t(lang, "total.annual_peak", amount=amount))
        else:
            out.append(_whole(t(lang, f"total.{key.recurrence}", amount=amount)))
    return out


def _people_lines(groups, lang: str, peak: bool = False) -> list[str]:
    """Across phases (``peak``), full-time equivalents are those of the busiest phase."""
    out = []
    for unit, value in groups.items():
        total = _whole(t(lang, f"unit.{unit}", n=format_number(value, lang)))
        out.append(t(lang, "total.at_peak", total=total) if peak and unit == "fte" else total)
    return out


def _across(roadmap: Roadmap, rows, lang: str) -> tuple[list[str], list[str]]:
    """Money and people lines of resources of several phases: never a sum of phases."""
    found = totals.peak(rows, [p.id for p in roadmap.phases])
    return _money_lines(found.money, lang, peak=True), _people_lines(found.people, lang, True)


def _whole(total: str) -> str:
    """One total never breaks across lines; a list of totals breaks between them."""
    return total.replace(" ", "\u00a0")


def tables(roadmap: Roadmap, lang: str, page_src: Here | str, origin: Origin | None = None) -> str:
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


def summary(roadmap: Roadmap, lang: str, page_src: Here | str) -> str:
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
    by_kind = [(k, *_across(roadmap, [r for r in res if r.kind == k], lang)) for k in KINDS]
    by_funding = [
        (roadmap.funding_by_id[f], *_across(roadmap, rows, lang))
        for f, rows in totals.by(res, lambda r: r.funding).items()
    ]
    grand, grand_people = _across(roadmap, res, lang)
    return render_block(
        "resources_summary.html",
        lang=lang,
        link=Linker(page_src),
        by_phase=by_phase,
        by_kind=by_kind,
        by_funding=by_funding,
        grand=grand,
        grand_people=grand_people,
        illustrative=any(r.illustrative for r in res),  # totals of invented figures
    )
