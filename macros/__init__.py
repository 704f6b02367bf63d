"""The adapter of ``roadmap`` to MkDocs and mkdocs-macros: the only code that knows the engine.

- ``define_env`` (here): the mkdocs-macros module; registers the macros of
  ``roadmap.render.catalogue`` on every page, nothing more.
- ``plugin.RoadmapPlugin``: the mkdocs plugin ``roadmap`` (sandboxed mkdocs-macros plus the
  hooks of a per-language build).
- ``engine.MkDocs``: builds a language for ``roadmap build`` / ``publish``.
"""

from __future__ import annotations

from typing import Any

from roadmap.render.catalogue import macro_table


def define_env(env: Any) -> None:
    """Register the macros that pages may call, bound to the page being rendered."""
    for name, func in macro_table(lambda: env.page_context()).items():
        env.macro(func, name)
