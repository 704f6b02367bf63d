"""The Jinja environment of our own templates: autoescape on, strict, no blank lines out."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..i18n import formatting, t
from .rawblocks import CLOSE, OPEN, block


@cache
def _env() -> Environment:
    from . import text  # text draws brackets with templates: imported once both exist

    env = Environment(
        loader=PackageLoader("roadmap.render", "templates"),
        # Markdown pages (*.md.j2) hold page Markdown as it is; their HTML bits escape themselves.
        autoescape=select_autoescape(
            disabled_extensions=("md.j2",), default=True, default_for_string=True
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(t=t, html=text.html, plain=text.plain, fmt=formatting)
    env.globals.update(raw_open=OPEN, raw_close=CLOSE)  # around HTML a page holds as it is
    return env


def render(name: str, **context) -> str:
    """Render a template to HTML that Markdown keeps as one raw block (no blank lines)."""
    out = _env().get_template(name).render(**context)
    return "\n".join(line for line in out.splitlines() if line.strip())


def render_block(name: str, **context) -> str:
    """``render`` as a block of a page that Markdown keeps as it is (render/rawblocks.py)."""
    return block(render(name, **context))


def render_page(name: str, **context) -> str:
    """Render a template to a Markdown page, blank lines kept (they end Markdown blocks)."""
    return _env().get_template(name).render(**context)
