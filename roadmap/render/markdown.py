"""Where the code is in a Markdown page: fenced blocks and inline code spans are shown as
written, so bracket markup and heading checks leave them alone."""

from __future__ import annotations

import re
from collections.abc import Iterator

_CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)


def split_code(markdown: str) -> Iterator[tuple[int, str, bool]]:
    """(offset, part, is_code) for consecutive parts of ``markdown``."""
    pos = 0
    for m in _CODE.finditer(markdown):
        yield pos, markdown[pos : m.start()], False
        yield m.start(), m.group(0), True
        pos = m.end()
    yield pos, markdown[pos:], False
