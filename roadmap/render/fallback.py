"""Pages not yet translated: taken from English, shown under a notice in the reader's language."""

from __future__ import annotations

from ..i18n import DEFAULT
from .templating import render


def wrap(markdown: str, lang: str) -> str:
    """The English text, marked as English, under a notice in the page's language."""
    notice = render("fallback.html", lang=lang)
    return f'{notice}\n\n<div lang="{DEFAULT}" dir="ltr" markdown>\n\n{markdown}\n\n</div>\n'
