"""chm-roadmap: data model, rendering and mkdocs glue for the CHM draft roadmap site.

``define_env`` is the mkdocs-macros entry point: it registers names and nothing more.
The work is done by ``macros.model`` (data), ``macros.render`` (HTML/Markdown) and
``macros.glue`` (the plugin that knows mkdocs).
"""

from __future__ import annotations


def define_env(env) -> None:
    """Register the macros that pages may call."""
    for name, func in macro_table(env).items():
        env.macro(func, name)


def macro_table(env) -> dict:
    """Name -> function of every macro a page may call; each is a thin call into ``macros.render``.

    ``roadmap check`` uses the same table to check the calls in pages without building.
    """
    from .i18n.formatting import format_number
    from .render import drafts, glossary, phases, refs, resources, timeline, workplan

    def lang() -> str:
        return env.conf["theme"]["language"]

    def src() -> str:
        return env.page.file.src_uri

    def data_page(html: str) -> str:
        env.page.meta["roadmap_data"] = True  # the page shows the illustrative data: say so
        return html

    return {
        "ref": lambda item_id: refs.ref(env.roadmap, item_id, lang(), src()),
        "draft_status": lambda: drafts.status(env.roadmap, lang(), env.draft),
        "downloads": lambda: drafts.downloads(lang(), src()),
        "changes": lambda: data_page(env.changes_page(src())),
        "bracket_total": lambda: format_number(env.bracket_total(), lang()),
        "phases_overview": lambda: data_page(phases.overview(env.roadmap, lang(), src())),
        "phase_details": lambda: data_page(phases.detail(env.roadmap, lang(), src())),
        "events_table": lambda: data_page(phases.events(env.roadmap, lang())),
        "timeline": lambda phase=None: data_page(timeline.svg(env.roadmap, lang(), src(), phase)),
        "workplan": lambda phase=None: data_page(workplan.by_phase(env.roadmap, lang(), src(), phase)),
        "workplan_by_objective": lambda: data_page(workplan.by_objective(env.roadmap, lang(), src())),
        "resources_tables": lambda: data_page(resources.tables(env.roadmap, lang(), src())),
        "resources_summary": lambda: data_page(resources.summary(env.roadmap, lang(), src())),
        "glossary_table": lambda: glossary.table(env.roadmap, lang()),
    }
