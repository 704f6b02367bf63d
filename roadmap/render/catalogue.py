"""The macros a page may call, by name: each a thin call into a render function.

The site engine's adapter (``macros/``) registers them on every page; ``roadmap check`` binds
the same table to a page it reads, to check the calls without building.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..build_spec import Build
from ..i18n.formatting import format_number
from ..model import Roadmap
from ..model.schema import Draft
from ..translations.freshness import Status
from . import (
    changes,
    draft_facts,
    draft_status,
    glossary,
    phases,
    refs,
    resources,
    timeline,
    translations,
    workplan,
)
from .links import Here, Origin

# The data texts each macro shows: the side-by-side view compares them, and a page says when
# some of them are outdated in its language. "workplan" is every text of data/workplan.yml;
# "workplan:title" its items' titles alone (the road map names activities in link tooltips).
MACRO_DATA: dict[str, tuple[str, ...]] = {
    "draft_status": ("drafts",),
    "phases_overview": ("phases",),
    "phase_details": ("phases", "workplan:title"),
    "events_table": ("events",),
    "timeline": ("phases", "events"),
    "workplan": ("workplan", "actors"),
    "workplan_by_objective": ("workplan", "phases", "actors"),
    "resources_tables": ("resources",),
    "resources_summary": ("resources",),
    "glossary_table": ("glossary",),
}
_CALL = re.compile(r"\{\{-?\s*(\w+)\s*\(")
_FIELD = re.compile(r"\.([A-Za-z_]+)(?:\[\d+\])*$")  # A1.1.deliverables[0] -> deliverables


@dataclass(frozen=True)
class Shown:
    """The data texts a page shows, by their source (data/workplan.yml#A1.1.title)."""

    files: frozenset[str] = frozenset()  # data/<name>.yml: all of its texts
    fields: frozenset[tuple[str, str]] = frozenset()  # (data/<name>.yml, field): these alone

    def __contains__(self, source: str) -> bool:
        file, _, anchor = source.partition("#")
        if file in self.files:
            return True
        field = _FIELD.search(anchor)
        return field is not None and (file, field.group(1)) in self.fields

    def __bool__(self) -> bool:
        return bool(self.files or self.fields)


def data_shown(markdown: str) -> Shown:
    """The data texts that a page's macros show."""
    called = set(_CALL.findall(markdown))
    named = {name for macro in called for name in MACRO_DATA.get(macro, ())}
    files = {f"data/{name}.yml" for name in named if ":" not in name}
    fields = {
        (f"data/{file}.yml", field)
        for file, _, field in (name.partition(":") for name in named if ":" in name)
    }
    return Shown(frozenset(files), frozenset(fields))


@dataclass
class PageContext:
    """What a macro knows of the page it is called on: all handed in, nothing looked up."""

    roadmap: Roadmap
    lang: str
    src: str  # the page's path under docs/<lang>/
    draft: Draft
    changes: changes.Comparison | None = None  # the comparison with the previous draft
    bracket_total: int = 0  # bracketed passages in the whole draft, in this language
    shows_data: bool = False  # set when a macro draws the (illustrative) data
    origin: Origin | None = None  # where the data is online: items' source links (previews)
    translations: Status | None = None  # the freshness of every translation
    site_root: str = "http://127.0.0.1:8000/"  # the site's address, without language or draft
    build: Build | None = None  # what is built (None: a preview's page, as the checks see it)

    @property
    def here(self) -> Here:
        """The page, with how its build links (file URLs, the draft it publishes)."""
        build = self.build
        return Here(self.src, build.offline, build.published) if build else Here(self.src)


def macro_table(page: Callable[[], PageContext]) -> dict[str, Callable]:
    """Name -> macro. ``page()`` is the page being rendered when a macro is called."""

    def data(draw: Callable[[PageContext], str]) -> Callable[[], str]:
        def call() -> str:
            ctx = page()
            ctx.shows_data = True  # the page shows the illustrative data: it says so
            return draw(ctx)

        return call

    def on_page(draw: Callable[[PageContext], str]) -> Callable[[], str]:
        return lambda: draw(page())

    def changes_page(c: PageContext) -> str:
        if c.changes is None:
            raise ValueError("the comparison with the previous draft was not handed to the page")
        return changes.page(c.roadmap, c.changes, c.lang, c.here)

    def translation_status(c: PageContext) -> str:
        if c.translations is None:
            raise ValueError("the translations' status was not handed to the page")
        return translations.status_page(c.translations, c.lang)

    def ref(item_id: str) -> str:
        c = page()
        return refs.ref(c.roadmap, item_id, c.lang, c.src)

    return {
        "ref": ref,
        "draft_status": on_page(lambda c: draft_status.status(c.roadmap, c.lang, c.draft)),
        "downloads": on_page(lambda c: draft_status.downloads(c.lang, c.here)),
        "changes": data(changes_page),
        "bracket_total": on_page(lambda c: format_number(c.bracket_total, c.lang)),
        "phases_overview": data(lambda c: phases.overview(c.roadmap, c.lang, c.here, c.origin)),
        "phase_details": data(lambda c: phases.detail(c.roadmap, c.lang, c.here, c.origin)),
        "events_table": data(lambda c: phases.events(c.roadmap, c.lang, c.here, c.origin)),
        "timeline": lambda phase=None: data(
            lambda c: timeline.svg(c.roadmap, c.lang, c.here, phase)
        )(),
        "workplan": lambda phase=None: data(
            lambda c: workplan.by_phase(c.roadmap, c.lang, c.here, phase, c.origin)
        )(),
        "workplan_by_objective": data(lambda c: workplan.by_objective(c.roadmap, c.lang, c.here)),
        "resources_tables": data(lambda c: resources.tables(c.roadmap, c.lang, c.here, c.origin)),
        "resources_summary": data(lambda c: resources.summary(c.roadmap, c.lang, c.here)),
        "glossary_table": on_page(lambda c: glossary.table(c.roadmap, c.lang, c.here, c.origin)),
        "translation_status": on_page(translation_status),
        **_draft_macros(page),
    }


def _draft_macros(page: Callable[[], PageContext]) -> dict[str, Callable]:
    """The draft's own facts (data/drafts.yml), so that a published draft keeps stating them."""

    def permalink(page_name: str, item: str = "") -> str:
        c = page()
        draft_facts.check_item(c.roadmap, page_name, item)
        return draft_facts.permalink(c.draft, c.lang, c.site_root, page_name, item)

    def cite_example(title: str, page_name: str, item: str = "") -> str:
        c = page()
        draft_facts.check_item(c.roadmap, page_name, item)
        return draft_facts.cite_example(c.draft, c.lang, c.site_root, title, page_name, item)

    return {
        "draft_id": lambda: page().draft.id,
        "comments_deadline": lambda: draft_facts.deadline(page().draft, page().lang),
        "comments_address": lambda: draft_facts.address(page().draft, page().lang),
        "permalink": permalink,
        "cite_example": cite_example,
    }
