"""The phases: an overview table, and one section per phase."""

from __future__ import annotations

from ..i18n import t
from ..i18n.formatting import format_day, format_period
from ..model import Roadmap
from .links import Linker
from .templating import render
from .text import markdown_inline, plain


def overview(roadmap: Roadmap, lang: str, page_src: str) -> str:
    return render("phases_overview.html", roadmap=roadmap, lang=lang, link=Linker(page_src),
                  period=lambda p: format_period(p.start, p.end, lang))


def detail(roadmap: Roadmap, lang: str, page_src: str) -> str:
    """Markdown headings (for the table of contents) around HTML blocks, one section a phase."""
    link = Linker(page_src)
    parts = []
    for phase in roadmap.phases:
        heading = markdown_inline(f"{phase.id} · {plain(phase.title, lang)}")
        parts.append(f"## {heading} {{#{phase.id}}}\n")
        parts.append(render("phase_summary.html", phase=phase, lang=lang,
                            period=format_period(phase.start, phase.end, lang)) + "\n")
        parts.append(f"### {markdown_inline(t(lang, 'phase.objectives'))} {{#{phase.id}-objectives}}\n")
        parts.append(render("phase_objectives.html", phase=phase, roadmap=roadmap, lang=lang,
                            link=link) + "\n")
        if phase.milestones:
            parts.append(f"### {markdown_inline(t(lang, 'phase.milestones'))} {{#{phase.id}-milestones}}\n")
            parts.append(render("phase_milestones.html", phase=phase, roadmap=roadmap, lang=lang,
                                link=link, day=lambda d: format_day(d, lang)) + "\n")
        if phase.deliverables:
            parts.append(f"### {markdown_inline(t(lang, 'phase.deliverables'))} "
                         f"{{#{phase.id}-deliverables}}\n")
            parts.append(render("phase_deliverables.html", phase=phase, lang=lang) + "\n")
    return "\n".join(parts)


def events(roadmap: Roadmap, lang: str) -> str:
    return render("events.html", roadmap=roadmap, lang=lang,
                  period=lambda e: format_period(e.start, e.last_day, lang))
