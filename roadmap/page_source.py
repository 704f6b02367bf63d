"""Where the code is in a Markdown page: fenced blocks and inline code spans are shown as
written, so bracket markup and heading checks leave them alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$", re.MULTILINE)
_HEADING_ID = re.compile(r"\{[^}]*#([^\s}]+)[^}]*\}\s*#*$")
_CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)


def split_code(markdown: str) -> Iterator[tuple[int, str, bool]]:
    """(offset, part, is_code) for consecutive parts of ``markdown``."""
    pos = 0
    for m in _CODE.finditer(markdown):
        yield pos, markdown[pos : m.start()], False
        yield m.start(), m.group(0), True
        pos = m.end()
    yield pos, markdown[pos:], False


@dataclass
class Heading:
    line: int
    level: int
    id: str | None
    text: str


def headings(source: str) -> list[Heading]:
    """ATX headings outside code, with their explicit ids ('## Title {#id}')."""
    out = []
    for pos, part, is_code in split_code(source):
        for h in () if is_code else _HEADING.finditer(part):
            at = pos + h.start()
            if at and source[at - 1] != "\n":  # a part may begin mid-line, after inline code
                continue
            ident = _HEADING_ID.search(h.group(2))
            text = h.group(2)[: ident.start()].rstrip() if ident else h.group(2)
            out.append(
                Heading(
                    source.count("\n", 0, at) + 1,
                    len(h.group(1)),
                    ident.group(1) if ident else None,
                    text,
                )
            )
    return out
