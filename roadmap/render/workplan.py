"""The work plan: every activity with its own anchor, grouped by phase; an index by objective."""

from __future__ import annotations

from ..i18n.formatting import format_period
from ..model import Roadmap
from . import phase_argument
from .links import Here, Linker, Origin
from .templating import render_block
from .text import markdown_inline, plain


def by_phase(
    roadmap: Roadmap,
    lang: str,
    page_src: Here | str,
    phase_id: str | None = None,
    origin: Origin | None = None,
) -> str:
    phase_id = phase_argument(roadmap, phase_id, "workplan")
    link = Linker(page_src, roadmap, origin)
    parts = []
    for phase in roadmap.phases:
        activities = roadmap.activities_of(phase.id)
        if not activities or phase_id not in (None, phase.id):
            continue
        if phase_id is None:
            heading = markdown_inline(f"{phase.id} · {plain(phase.title, lang)}")
            parts.append(f"## {heading} {{#workplan-{phase.id}}}\n")
        for a in activities:
            heading = markdown_inline(f"{a.id} · {plain(a.title, lang)}")
            parts.append(f"### {heading} {{#{a.id} .roadmap-activity-title}}\n")
            parts.append(
                render_block(
                    "activity.html",
                    a=a,
                    roadmap=roadmap,
                    lang=lang,
                    link=link,
                    period=format_period(a.start, a.end, lang),
                )
                + "\n"
            )
    return "\n".join(parts)


def by_objective(roadmap: Roadmap, lang: str, page_src: Here | str) -> str:
    return render_block(
        "activities_by_objective.html", roadmap=roadmap, lang=lang, link=Linker(page_src)
    )
