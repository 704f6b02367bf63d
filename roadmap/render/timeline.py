"""The timeline, drawn at build time: no script, legible on a desk, a phone and paper.

Each row is its item's full title as text (it wraps; never cut short) beside a strip of SVG
whose bars are placed in percent of the strip, so the chart fits any width and its type stays
at the reader's size. Right to left in Arabic: the labels by the page's direction, the bars by
``_scale``. The same facts follow as a table, which is what screen readers are given.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ..i18n import language, t
from ..i18n.formatting import format_day, format_month_abbr, format_period, format_year
from ..model import Roadmap
from ..model.schema import Activity, Milestone, Phase
from . import PAGE_OF_KIND, phase_argument
from .links import Here, Linker
from .templating import render_block
from .text import plain

WIDTH = 100.0  # the strip of bars, in percent of its width


@dataclass
class Bar:
    id: str
    kind: str  # phase | activity | milestone
    label: str
    title: str  # full text for <title> and the table
    start: date
    end: date
    tentative: bool
    illustrative: bool = False
    x: float = 0  # percent of the strip, from its left edge
    w: float = 0
    anchor: str = ""
    when: str = ""
    status: str = ""


def _month_start(d: date) -> date:
    return d.replace(day=1)


def _next_month(d: date) -> date:
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1)


def _bar(
    item: Phase | Activity | Milestone,
    kind: str,
    lang: str,
    start: date,
    end: date,
    tentative: bool,
    status: str = "",
) -> Bar:
    """One row: a phase, an activity or a milestone, labelled with its id and its whole title."""
    title = plain(item.title, lang)
    illustrative = getattr(item, "illustrative", False)
    return Bar(
        item.id,
        kind,
        f"{item.id} {title}",
        title,
        start,
        end,
        tentative,
        illustrative,
        status=status,
    )


def _rows(roadmap: Roadmap, lang: str, phase_id: str | None) -> list[Bar]:
    """Each phase, then (on a phase's own timeline) its activities, then its dated milestones."""
    rows: list[Bar] = []
    for p in roadmap.phases:
        if phase_id not in (None, p.id):
            continue
        status = t(lang, f"status.{p.status}")
        rows.append(_bar(p, "phase", lang, p.start, p.end, p.tentative, status))
        if phase_id is not None:
            for a in roadmap.activities_of(p.id):
                status = t(lang, f"status.{a.status}")
                rows.append(_bar(a, "activity", lang, a.start, a.end, False, status))
        for ms in p.milestones:
            when = roadmap.milestone_date(ms)
            if when is not None:  # a milestone dated by nothing is left off the chart
                tentative = roadmap.milestone_tentative(ms)
                row = _bar(ms, "milestone", lang, when, when, tentative)
                row.illustrative = roadmap.milestone_illustrative(ms)
                rows.append(row)
    return rows


def _scale(start: date, end: date, rtl: bool) -> Callable[[date], float]:
    """The x of a day on the strip, in percent; mirrored right to left."""
    days = (end - start).days

    def x_of(d: date) -> float:
        x = (d - start).days / days * WIDTH
        return round(WIDTH - x if rtl else x, 2)

    return x_of


def _place(rows: list[Bar], x_of: Callable[[date], float], lang: str) -> None:
    """Give each row its position, width and dates as text (a bar ends after its last day)."""
    for r in rows:
        milestone = r.kind == "milestone"
        x1, x2 = x_of(r.start), x_of(r.end if milestone else r.end + timedelta(days=1))
        r.x, r.w = min(x1, x2), max(abs(x2 - x1), 0.4)
        r.when = format_day(r.start, lang) if milestone else format_period(r.start, r.end, lang)


def _axis(
    start: date, end: date, x_of: Callable[[date], float], lang: str
) -> tuple[list[dict], list[dict]]:
    """Month ticks and year labels from ``start`` up to (not including) ``end``. Months are
    named only where there is room for them at a legible size: monthly up to a year, quarterly
    up to two; beyond that the quarters are lines and the years are named."""
    months = (end.year - start.year) * 12 + end.month - start.month
    step = 1 if months <= 12 else 3
    named = months <= 24
    ticks, years = [], []
    d = start
    while d < end:
        if (d.month - 1) % step == 0:
            label = format_month_abbr(d, lang) if named and d.month != 1 else ""
            ticks.append({"x": x_of(d), "label": label, "year_start": d.month == 1})
        if d.month == 1 or d == start:
            years.append({"x": x_of(d), "label": format_year(d, lang)})
        d = _next_month(d)
    return ticks, years


def layout(roadmap: Roadmap, lang: str, phase_id: str | None = None) -> dict:
    """Rows and axis of the timeline; ``phase_id`` limits it to one phase with its activities."""
    rows = _rows(roadmap, lang, phase_id)
    start = _month_start(min(r.start for r in rows))
    end = _next_month(max(r.end for r in rows))
    rtl = language(lang).direction == "rtl"
    x_of = _scale(start, end, rtl)
    _place(rows, x_of, lang)
    ticks, years = _axis(start, end, x_of, lang)
    title = t(lang, "timeline.title_phase", id=phase_id) if phase_id else t(lang, "timeline.title")
    first, last = format_day(start, lang), format_day(end - timedelta(days=1), lang)
    return {
        "rows": rows,
        "ticks": ticks,
        "years": years,
        "rtl": rtl,  # the axis text then starts at its tick and runs leftwards
        "title": title,
        "desc": t(lang, "timeline.desc", start=first, end=last, count=len(rows)),
    }


def svg(roadmap: Roadmap, lang: str, page_src: Here | str, phase_id: str | None = None) -> str:
    """The figure (caption, description, chart), then the same facts as a table. The figure has
    no id: the heading above it is the anchor."""
    phase_id = phase_argument(roadmap, phase_id, "timeline")
    uid = f"timeline-{phase_id}" if phase_id else "timeline"
    return render_block(
        "timeline.html",
        L=layout(roadmap, lang, phase_id),
        lang=lang,
        uid=uid,
        link=Linker(page_src),
        page_of=PAGE_OF_KIND,
    )
