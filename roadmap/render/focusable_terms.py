"""Glossary terms in a page that a tap or the keyboard can open, not a mouse alone.

Python-Markdown's ``abbr`` extension marks each glossary term (roadmap.render.glossary) as
``<abbr title="definition">``, which shows its definition on mouse hover only. Made focusable,
a term opens on a tap (a tap focuses) and on Tab; Material's tooltip shows it on focus, and
our script dismisses it with Escape (WCAG 1.4.13).
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

AFTER_ABBR = 6  # the abbr extension's tree processor runs at 7: this one after it


class _Focusable(Treeprocessor):
    def run(self, root: Element) -> None:
        self._mark(root)

    def _mark(self, element: Element) -> None:
        """Terms outside links: a link is reached by Tab already, and may hold nothing focusable."""
        for child in element:
            if child.tag == "abbr" and child.get("title"):
                child.set("tabindex", "0")
            if child.tag != "a":
                self._mark(child)


class FocusableTerms(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Focusable(md), "roadmap-focusable-terms", AFTER_ABBR)


def makeExtension(**kwargs) -> FocusableTerms:  # named in mkdocs.yml's markdown_extensions
    return FocusableTerms(**kwargs)
