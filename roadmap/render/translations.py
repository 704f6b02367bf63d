"""What readers see of the translations' freshness: a notice at each outdated section, a notice
above a page whose data texts are outdated, and the status page. All from ``freshness.Status``.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from babel.numbers import format_percent

from ..i18n import DEFAULT, LANGUAGES, formatting
from ..translations.freshness import TRANSLATED, Status, Summary
from ..translations.units import TOP, sections
from .templating import render, render_block

if TYPE_CHECKING:  # catalogue draws with this module
    from .catalogue import Shown


def notice(lang: str, href: str) -> str:
    """The notice at an outdated section; ``href`` is the same section in English."""
    return render("translation_notice.html", lang=lang, href=href)


def mark_outdated(markdown: str, outdated: list[str], lang: str, english_href: str) -> str:
    """``markdown`` (a translated page) with the notice under the heading of each outdated
    section (at the top for the section above the first heading); ``english_href`` is the
    English page, to which the section's id is added."""
    if not outdated:
        return markdown
    lines = markdown.splitlines(keepends=True)
    for ident, (line, _) in reversed(sections(markdown).items()):
        if ident not in outdated:
            continue
        href = english_href if ident == TOP else f"{english_href}#{ident}"
        block = f"\n{notice(lang, href)}\n\n"
        at = _after_title(lines) if ident == TOP else line
        lines.insert(at, block)
    return "".join(lines)


def _after_title(lines: list[str]) -> int:
    """Under the page's title when it opens the page, else at the top."""
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    return first + 1 if lines and lines[first].startswith("# ") else 0


def data_notice(lang: str, count: int, compare_href: str | None) -> str:
    """Above a page that draws texts from the data, ``count`` of them outdated or missing."""
    return render("translation_data_notice.html", lang=lang, count=count, href=compare_href)


def page_notices(
    status: Status, page: tuple[str, str], markdown: str, shown: Shown, hrefs: tuple[str, str]
) -> str:
    """A translated page with its notices: at each outdated section, and above the page when
    texts of the data it shows (``shown``) are outdated or missing.
    ``page``: (language, page path such as group.md); ``hrefs``: the English page and the
    side-by-side view."""
    lang, src = page
    english_href, compare_href = hrefs
    outdated = status.outdated_sections(lang, f"docs/{DEFAULT}/{src}")
    markdown = mark_outdated(markdown, outdated, lang, english_href)
    count = sum(  # an unreviewed translation is still shown, without a notice
        1 for e in status.pending(lang) if e.unit.source in shown and e.state != "unreviewed"
    )
    if not count:
        return markdown
    lines = markdown.splitlines(keepends=True)
    lines.insert(_after_title(lines), f"\n{data_notice(lang, count, compare_href)}\n\n")
    return "".join(lines)


def status_page(status: Status, lang: str) -> str:
    """Per language, how much is current; then what is outdated or missing (in the reader's
    language, or in every language on the English page)."""
    return render_block(
        "translation_status.html",
        lang=lang,
        summaries=[status.summary(code) for code in TRANSLATED],
        pending=status.pending(None if lang not in TRANSLATED else lang),
        names={language.code: language.name for language in LANGUAGES},
        dirs={language.code: language.direction for language in LANGUAGES},
        percent=lambda summary: percent(summary, lang),
    )


def percent(summary: Summary, lang: str) -> str:
    """Rounded down: 100% only when everything is current."""
    value = math.floor(summary.percent * 10) / 1000
    return format_percent(value, "#,##0.#%", locale=formatting.locale(lang))
