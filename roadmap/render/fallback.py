"""Pages not yet translated: taken from English, shown under a notice in the reader's language."""

from __future__ import annotations

from ..i18n import DEFAULT
from .templating import render

GUIDE = "example-4-add-or-update-a-translation"  # the section of CONTRIBUTING.md


def wrap(markdown: str, lang: str, guide: str | None = None) -> str:
    """The English text, marked as English, under a notice in the page's language; ``guide``:
    the address of how to add the translation."""
    notice = render("fallback.html", lang=lang, guide=guide)
    return f'{notice}\n\n<div lang="{DEFAULT}" dir="ltr" markdown>\n\n{markdown}\n\n</div>\n'
