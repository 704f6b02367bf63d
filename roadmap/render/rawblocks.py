"""The HTML our macros draw, kept out of Python-Markdown's parsing of HTML.

A page's tables and timeline are HTML that Markdown passes through as it is; to find where each
HTML block ends, Markdown (with md_in_html) parses it whole, tag by tag, and MkDocs parses all
of a page's HTML once more to learn its ids for its anchor checks: the largest costs of a page
that shows much data. Our macros mark their HTML (``block``); this Markdown extension stores it
as it is, as Markdown does with raw HTML, before both, and it comes back in place in the page.
The engine is shown, for the while of its reading, the block's ids alone, as empty tags.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

OPEN, CLOSE = "<!-- roadmap:html -->", "<!-- /roadmap:html -->"
IDS = "<!-- roadmap:ids -->"
# Before the engine reads the ids in a page's HTML (MkDocs: 21), and before Markdown's HTML
# blocks (20); the ids' stand-ins go after the first and before the second.
STORE, UNMARK = 21.5, 20.5
_ID = re.compile(r"""<[A-Za-z][^>]*?\sid=(["'])(.*?)\1""")


def block(html: str) -> str:
    """``html`` as a block of its own that Markdown keeps as it is."""
    return f"\n\n{OPEN}\n{html}\n{CLOSE}\n\n"


def id_tags(html: str) -> str:
    """The ids of ``html``'s elements, each on an empty tag: what the engine reads of it."""
    return "".join(f'<i id="{m.group(2)}"></i>' for m in _ID.finditer(html))


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
                html = "\n".join(inside)
                out += [self.md.htmlStash.store(html), IDS + id_tags(html)]
                inside = None
            else:
                inside.append(line)
        return out if inside is None else [*out, OPEN, *inside]  # not closed: left as it was


class _Unmark(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return [line for line in lines if not line.startswith(IDS)]


class RawBlocks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # the name Python-Markdown calls
        md.preprocessors.register(_Store(md), "roadmap_raw_blocks", STORE)
        md.preprocessors.register(_Unmark(md), "roadmap_raw_ids", UNMARK)
