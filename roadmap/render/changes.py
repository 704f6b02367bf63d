"""The "changes since the previous draft" page: data item by item, then the prose, redlined."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from ..history import compare, prose, redline
from ..history.pair import DraftPair
from ..i18n import formatting, language, strings, t
from ..model import Roadmap
from ..model.schema import Draft
from . import PAGE_OF_KIND
from .links import Here, Linker, here
from .refs import relative
from .templating import render
from .text import markdown_inline


@dataclass
class Comparison:
    """What changed, as read in one language."""

    previous: Draft | None  # the draft compared with (None: nothing to compare with)
    first: bool  # this is the first draft of all
    data: list[compare.Change]
    pages: list[prose.PageChange]
    current_pages: frozenset[str] = frozenset()


def comparison(pair: DraftPair, lang: str, nav: list[str]) -> Comparison:
    """The comparison of two drafts' sources (read once: ``history.draft_sources``) in ``lang``."""
    if pair.previous is None or pair.before is None or pair.now is None:
        return Comparison(None, pair.first, [], [])
    now_pages = pair.now.pages_of(lang)
    return Comparison(
        pair.previous,
        pair.first,
        compare.compare(pair.before.data, pair.now.data, lang),
        prose.compare_pages(pair.before.pages_of(lang), now_pages, nav, skip={"changes.md"}),
        frozenset(now_pages),
    )


def page(roadmap: Roadmap, result: Comparison, lang: str, src: Here | str) -> str:
    """Markdown: headings (for the table of contents) around raw HTML blocks."""
    if result.previous is None:
        return render(
            "changes_paragraph.html",
            kind="none",
            text=t(lang, "changes.first" if result.first else "changes.unpublished"),
        )
    prev = result.previous
    date = formatting.format_day(prev.date, lang) if prev.date != dt.date.min else ""
    intro = render(
        "changes_intro.html",
        lang=lang,
        prev=prev,
        date=date,
        result=result,
        count=lambda action: sum(c.action == action for c in result.data),
    )
    parts = [intro, *_data_section(roadmap, result, lang, src), *_pages_section(result, lang, src)]
    return "\n\n".join(parts)


def _data_section(roadmap: Roadmap, result: Comparison, lang: str, src: Here | str) -> list[str]:
    """The changed data items, one subsection per kind of item (none if nothing changed)."""
    if not result.data:
        return []
    parts = [f"## {t(lang, 'changes.data')} {{#changes-data}}"]
    for kind in compare.KINDS:
        found = [c for c in result.data if c.kind == kind]
        if found:
            parts.append(f"### {t(lang, 'changes.kinds.' + kind)} {{#changes-{kind}}}")
            parts.append(
                render(
                    "changes_items.html",
                    lang=lang,
                    changes=found,
                    link=Linker(src),
                    page_of=PAGE_OF_KIND,
                    label=lambda c: _label(c, lang),
                    field=lambda name: _field_label(name, lang),
                    value=lambda f: _value(roadmap, f, lang),
                )
            )
    return parts


def _pages_section(result: Comparison, lang: str, src: Here | str) -> list[str]:
    """The changed pages, each under its title with its changed blocks redlined."""
    if not result.pages:
        return []
    parts = [
        f"## {t(lang, 'changes.pages')} {{#changes-pages}}",
        render("changes_paragraph.html", kind="note", text=t(lang, "changes.pages_note")),
    ]
    sr = _said(lang)
    for change in result.pages:
        parts.append(_page_heading(change, result.current_pages, here(src).src))
        blocks = [
            Markup(redline.redline(b.old or "", b.new or "", lang, sr)) for b in change.blocks
        ]
        parts.append(
            render("changes_prose.html", blocks=list(zip(change.blocks, blocks, strict=True)))
        )
    return parts


def _page_heading(change: prose.PageChange, now_pages: frozenset[str], src: str) -> str:
    """The page's title as a heading; a page that still exists: its title links to it."""
    anchor = "changes-page-" + change.path.removesuffix(".md").replace("/", "-")
    title = _inline(change.title)
    if change.path in now_pages:
        title = f"[{title}]({relative(src, change.path)})"
    return f"### {title} {{#{anchor}}}"


def _inline(title: str) -> str:
    return markdown_inline(title.lstrip("# "))


def _label(change: compare.Change, lang: str) -> str:
    for key in ("title", "text"):
        value = change.item.get(key)
        if value is not None:
            return str(compare.shown(value, lang))
    return ""


def _field_label(name: str, lang: str) -> str:
    return strings(lang).get(f"field.{name}", name)


def _value(roadmap: Roadmap, change: compare.FieldChange, lang: str) -> Markup:
    """A changed field as HTML: texts as a redline, other values as before → after."""
    sep = t(lang, "list.separator")
    if change.text:

        def flat(v):
            return "; ".join(v) if isinstance(v, list) else str(v or "")

        return Markup(redline.redline(flat(change.old), flat(change.new), lang, _said(lang)))

    def one(v) -> str:
        if v is None or v == []:
            return "—"
        if isinstance(v, list):
            return sep.join(one(x) for x in v)
        if isinstance(v, bool):
            return t(lang, "changes.yes" if v else "changes.no")
        if isinstance(v, dt.date):
            return formatting.format_day(v, lang)
        if isinstance(v, (int, float)):
            return formatting.format_number(v, lang)
        if change.name in ("lead", "partners") and v in roadmap.actor_by_id:
            actor = roadmap.actor_by_id[v]
            return (actor.short or actor.name).get(lang)
        if change.name == "funding" and v in roadmap.funding_by_id:
            return roadmap.funding_by_id[v].name.get(lang)
        word = strings(lang).get(f"{change.name}.{v}")
        if word and "{" not in word:
            return word  # status, kind, recurrence: their words in this language
        return str(v)

    before, after = _said(lang)
    arrow = "←" if language(lang).direction == "rtl" else "→"  # from the old value to the new
    return Markup(
        f"{redline.mark('del', one(change.old), before)} {arrow} "
        f"{redline.mark('ins', one(change.new), after)}"
    )


def _said(lang: str) -> tuple[str, str]:
    """What screen readers say before deleted and inserted text (they announce neither)."""
    return t(lang, "changes.deleted_sr"), t(lang, "changes.inserted_sr")
