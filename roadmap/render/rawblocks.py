"""The HTML our macros draw, kept out of Python-Markdown's search for HTML blocks.

A page's tables and timeline are HTML that Markdown passes through as it is; to find where each
HTML block ends, Markdown (with md_in_html) parses it whole, tag by tag: the largest cost of a
page that shows much data. Our macros mark their HTML (``block``); this Markdown extension
stores it as it is, as Markdown does with raw HTML, before that search, and it comes back in
place in the page. It runs after MkDocs has read the page's ids for its anchor checks.
"""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

OPEN, CLOSE = "<!-- roadmap:html -->", "<!-- /roadmap:html -->"
# After MkDocs' reading of the ids in a page's HTML (21), before Markdown's HTML blocks (20).
PRIORITY = 20.5


def block(html: str) -> str:
    """``html`` as a block of its own that Markdown keeps as it is."""
    return f"\n\n{OPEN}\n{html}\n{CLOSE}\n\n"


class _Store(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        inside: list[str] | None = None
        for line in lines:
            if inside is None:
                if line == OPEN:
                    inside = []
                else:
                    out.append(line)
            elif line == CLOSE:
                out.append(self.md.htmlStash.store("\n".join(inside)))
                inside = None
            else:
                inside.append(line)
        return out if inside is None else [*out, OPEN, *inside]  # not closed: left as it was


class RawBlocks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # the name Python-Markdown calls
        md.preprocessors.register(_Store(md), "roadmap_raw_blocks", PRIORITY)
