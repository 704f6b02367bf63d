"""Links to a draft's PDF and offline copy, with their size, in the cite box and downloads.

The pages are built before the files exist, so the pages carry ``MARKER`` where the links go;
``roadmap.editions`` puts them in once the files are made (a build without them keeps the
marker, an HTML comment: no link to a file that is not there).
"""

from __future__ import annotations

from ..i18n import t
from ..i18n.formatting import format_number
from .templating import render

MARKER = "<!--roadmap-editions-->"
KINDS = ("pdf", "offline", "tmx", "tbx")


def megabytes(size: int, lang: str) -> str:
    """'1.4 MB', '1,4 Mo': one decimal, never 0."""
    return t(lang, "editions.size", size=format_number(max(round(size / 1e6, 1), 0.1), lang))


def links(lang: str, href: dict[str, str], size: dict[str, int | None]) -> str:
    """``href`` holds the kinds made; ``size`` of a kind is None where it cannot be known
    (the offline copy's own, inside it)."""
    return render(
        "editions.html",
        lang=lang,
        href={k: href.get(k) for k in KINDS},
        size={k: megabytes(v, lang) if v else None for k, v in size.items()},
    )
