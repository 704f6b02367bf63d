"""Data text into a page: in the page's language, escaped, with brackets drawn."""

from __future__ import annotations

import html as html_lib
import re

from markupsafe import Markup, escape

from ..model.schema import Text
from . import bracket_marks

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def html(value: Text | None, lang: str) -> Markup:
    """A data text as safe HTML."""
    if value is None:
        return Markup("")
    return bracket_marks.render_html(str(escape(value.get(lang))), lang)


def plain(value: Text | None, lang: str) -> str:
    """A data text as plain characters (for SVG <title>, attributes): the template escapes it."""
    if value is None:
        return ""
    return bracket_marks.PASSAGE.sub(
        lambda m: " / ".join(f"[{o}]" for o in bracket_marks._ONE.findall(m.group(0))),
        value.get(lang),
    )


def markdown_inline(value: str) -> str:
    """Text placed inside Markdown (a heading): HTML-escaped, Markdown syntax neutralised."""
    return _MD_SPECIAL.sub(r"\\\1", html_lib.escape(value, quote=False))
