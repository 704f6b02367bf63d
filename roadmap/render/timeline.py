"""The timeline, drawn as SVG at build time: no script, readable in print, mirrored in Arabic."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..i18n import language, t
from ..i18n.formatting import format_day, format_month_abbr, format_period, format_year
from ..model import Roadmap
from . import PAGE_OF_KIND, phase_argument
from .links import Linker
from .templating import render
from .text import plain

WIDTH = 960
LABEL_W = 250
PAD = 12
ROW_H = 24
AXIS_H = 44


@dataclass
class Bar:
    id: str
    kind: str  # phase | activity | milestone
    label: str
    title: str  # full text for <title> and the table
    start: date
    end: date
    tentative: bool
    x: float = 0
    w: float = 0
    y: float = 0
    anchor: str = ""
    when: str = ""
    status: str = ""


def _month_start(d: date) -> date:
    return d.replace(day=1)


def _next_month(d: date) -> date:
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1)


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def layout(roadmap: Roadmap, lang: str, phase_id: str | None = None) -> dict:
    """Rows and axis of the timeline; ``phase_id`` limits it to one phase with its activities."""
    rows: list[Bar] = []
    phases = [p for p in roadmap.phases if phase_id in (None, p.id)]
    for p in phases:
        title = plain(p.title, lang)
        rows.append(Bar(p.id, "phase", f"{p.id} {_short(title, 30)}", title, p.start, p.end,
                        p.tentative, status=t(lang, f"status.{p.status}")))
        if phase_id is not None:
            for a in roadmap.activities_of(p.id):
                a_title = plain(a.title, lang)
                rows.append(Bar(a.id, "activity", f"{a.id} {_short(a_title, 30)}", a_title, a.start,
                                a.end, False, status=t(lang, f"status.{a.status}")))
        for ms in p.milestones:
            when = roadmap.milestone_date(ms)
            if when is not None:
                ms_title = plain(ms.title, lang)
                rows.append(Bar(ms.id, "milestone", f"{ms.id} {_short(ms_title, 30)}", ms_title, when,
                                when, roadmap.milestone_tentative(ms)))
    start = _month_start(min(r.start for r in rows))
    end = _next_month(max(r.end for r in rows))
    days = (end - start).days
    rtl = language(lang).direction == "rtl"
    chart_w = WIDTH - LABEL_W - 2 * PAD

    def x_of(d: date) -> float:
        x = LABEL_W + PAD + (d - start).days / days * chart_w
        return round(WIDTH - x if rtl else x, 1)

    for i, r in enumerate(rows):
        x1, x2 = x_of(r.start), x_of(r.end + timedelta(days=1) if r.kind != "milestone" else r.end)
        r.x, r.w, r.y = min(x1, x2), max(abs(x2 - x1), 2.0), AXIS_H + i * ROW_H
        r.when = format_day(r.start, lang) if r.kind == "milestone" else format_period(r.start, r.end, lang)
    months = (end.year - start.year) * 12 + end.month - start.month
    step = 1 if months <= 12 else 3  # monthly labels collide beyond a year (long Arabic and Russian names)
    ticks, years = [], []
    d = start
    while d < end:
        if (d.month - 1) % step == 0:
            ticks.append({"x": x_of(d), "label": format_month_abbr(d, lang), "year_start": d.month == 1})
        if d.month == 1 or d == start:
            years.append({"x": x_of(d), "label": format_year(d, lang)})
        d = _next_month(d)
    height = AXIS_H + len(rows) * ROW_H + PAD
    label_x = WIDTH - PAD if rtl else PAD
    return {
        "rows": rows, "ticks": ticks, "years": years, "width": WIDTH, "height": height,
        # direction="rtl" on the <svg> makes text-anchor "start" the right edge: no anchor flip needed.
        "rtl": rtl, "label_x": label_x,
        "title": t(lang, "timeline.title_phase", id=phase_id) if phase_id else t(lang, "timeline.title"),
        "desc": t(lang, "timeline.desc", start=format_day(start, lang),
                  end=format_day(end - timedelta(days=1), lang), count=len(rows)),
    }


def svg(roadmap: Roadmap, lang: str, page_src: str, phase_id: str | None = None) -> str:
    """The figure (SVG and caption, scrollable by keyboard on a phone), then the same facts as a
    table. The figure has no id: the heading above it is the anchor."""
    phase_id = phase_argument(roadmap, phase_id, "timeline")
    uid = f"timeline-{phase_id}" if phase_id else "timeline"
    return render("timeline.html", L=layout(roadmap, lang, phase_id), lang=lang, uid=uid,
                  link=Linker(page_src), page_of=PAGE_OF_KIND)
