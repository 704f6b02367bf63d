"""The phases: an overview table, and one section per phase."""

from __future__ import annotations

from ..i18n import t
from ..i18n.formatting import format_day, format_period
from ..model import Roadmap
from ..model.schema import Phase
from .links import Here, Linker, Origin
from .templating import render_block
from .text import markdown_inline, plain


def overview(
    roadmap: Roadmap, lang: str, page_src: Here | str, origin: Origin | None = None
) -> str:
    return render_block(
        "phases_overview.html",
        roadmap=roadmap,
        lang=lang,
        link=Linker(page_src, roadmap, origin),
        period=lambda p: format_period(p.start, p.end, lang),
    )


def detail(roadmap: Roadmap, lang: str, page_src: Here | str, origin: Origin | None = None) -> str:
    """Markdown headings (for the table of contents) around HTML blocks, one section a phase."""
    link = Linker(page_src, roadmap, origin)
    parts = []
    for phase in roadmap.phases:
        parts += _phase_section(roadmap, phase, lang, link)
    return "\n".join(parts)


def _phase_section(roadmap: Roadmap, phase: Phase, lang: str, link: Linker) -> list[str]:
    """A phase's heading and summary, then its objectives, milestones and deliverables (the
    last two only if it has any), each under a heading whose id is the phase's id and the part."""
    heading = markdown_inline(f"{phase.id} · {plain(phase.title, lang)}")
    period = format_period(phase.start, phase.end, lang)
    parts = [
        f"## {heading} {{#{phase.id}}}\n",
        render_block("phase_summary.html", phase=phase, lang=lang, period=period, link=link) + "\n",
        _part_heading(phase, "objectives", lang),
        render_block("phase_objectives.html", phase=phase, roadmap=roadmap, lang=lang, link=link)
        + "\n",
    ]
    if phase.milestones:
        parts.append(_part_heading(phase, "milestones", lang))
        milestones = render_block(
            "phase_milestones.html",
            phase=phase,
            roadmap=roadmap,
            lang=lang,
            link=link,
            day=lambda d: format_day(d, lang),
        )
        parts.append(milestones + "\n")
    if phase.deliverables:
        parts.append(_part_heading(phase, "deliverables", lang))
        parts.append(
            render_block("phase_deliverables.html", phase=phase, lang=lang, link=link) + "\n"
        )
    return parts


def _part_heading(phase: Phase, part: str, lang: str) -> str:
    """'### Objectives {#P1-objectives}': the words of this language, the same id in all."""
    return f"### {markdown_inline(t(lang, f'phase.{part}'))} {{#{phase.id}-{part}}}\n"


def events(roadmap: Roadmap, lang: str, page_src: Here | str, origin: Origin | None = None) -> str:
    return render_block(
        "events.html",
        roadmap=roadmap,
        lang=lang,
        link=Linker(page_src, roadmap, origin),
        period=lambda e: format_period(e.start, e.last_day, lang),
    )
