"""A page's description (<meta name="description">, shown by search engines under the title):
its lead paragraph, the first paragraph of the page itself, shortened.

A page may set its own in front matter (`description: ...`); a page without a lead paragraph
(the 404 page, a page under the translation-pending notice) gets the site's description.
"""

from __future__ import annotations

from html.parser import HTMLParser

LIMIT = 160  # characters: about what search engines show


class _Lead(HTMLParser):
    """The text of the first <p> that stands at the top level of the page content."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.inside = False
        self.done = False
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "hr", "input", "wbr"):  # void: no end tag follows
            return
        if tag == "p" and self.depth == 0 and not self.done:
            self.inside = True
        self.depth += 1

    def handle_endtag(self, tag):
        self.depth = max(self.depth - 1, 0)
        if tag == "p" and self.inside and self.depth == 0:
            self.inside, self.done = False, True

    def handle_data(self, data):
        if self.inside:
            self.chunks.append(data)


def lead(html: str, limit: int = LIMIT, chunk: int = 4096) -> str:
    parser = _Lead()
    for start in range(0, len(html), chunk):  # the lead comes first: the rest is not read
        parser.feed(html[start : start + chunk])
        if parser.done:
            break
    return shorten("".join(parser.chunks), limit)


def shorten(text: str, limit: int = LIMIT) -> str:
    """``text`` in at most ``limit`` characters, cut after a whole word where words are spaced."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 2 // 3:  # end on a whole word where words are spaced (not in Chinese)
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"
