"""Pure functions from (model, language) to Markdown or HTML. Imports nothing of mkdocs.

Every data string enters a page through ``text.html`` (escaped) or a template with
autoescape on; markup longer than a line lives in ``templates/``.
"""

from __future__ import annotations

from ..errors import RoadmapError


class PageError(RoadmapError):
    """A mistake in a page (e.g. an unknown id in ref()); the glue adds file and line."""


# Which page shows which kind of item: the anchor of an item is its id on that page.
PAGE_OF_KIND = {
    "phase": "roadmap.md",
    "objective": "roadmap.md",
    "milestone": "roadmap.md",
    "deliverable": "roadmap.md",
    "event": "roadmap.md",
    "activity": "workplan.md",
    "resource": "resources.md",
    "term": "glossary.md",
}


def phase_argument(roadmap, phase_id: str | None, macro: str) -> str | None:
    """The phase a macro such as timeline("P1") is limited to; an unknown id is a page mistake."""
    if phase_id is not None and roadmap.phase(phase_id) is None:
        known = ", ".join(p.id for p in roadmap.phases)
        raise PageError(f"{macro}('{phase_id}'): '{phase_id}' is not a phase (known: {known})")
    return phase_id
