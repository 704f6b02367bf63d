"""Paragraph anchors ('{#tor-1}' on the line after a paragraph): citable like headings, so the
same in every language as in English."""

from __future__ import annotations

import re

from ..model import Problem
from ..page_source import split_code

_ANCHOR = re.compile(r"^\{:?[ \t]*#([^\s}]+)[^}\n]*\}[ \t]*$", re.MULTILINE)


def paragraph_anchors(source: str) -> list[tuple[int, str]]:
    """(line, id) of each anchor that stands on a line of its own, outside code."""
    return [
        (source.count("\n", 0, pos + m.start()) + 1, m.group(1))
        for pos, part, is_code in split_code(source)
        if not is_code
        for m in _ANCHOR.finditer(part)
        if pos + m.start() == 0 or source[pos + m.start() - 1] == "\n"
    ]


def compare_anchors(
    name: str, ours: list[tuple[int, str]], en_name: str, english: list[tuple[int, str]]
) -> list[Problem]:
    """Every English paragraph anchor is in the translation, and no other."""
    mine = {anchor for _, anchor in ours}
    theirs = {anchor for _, anchor in english}
    missing = [
        Problem(
            name,
            None,
            None,
            "",
            f"no paragraph with the anchor '{{#{anchor}}}' "
            f"({en_name}:{line} has it): anchors are the same in every language",
        )
        for line, anchor in english
        if anchor not in mine
    ]
    foreign = [
        Problem(
            name,
            line,
            None,
            "",
            f"the anchor '{{#{anchor}}}' is not in the English page "
            f"{en_name}: anchors are the same in every language",
        )
        for line, anchor in ours
        if anchor not in theirs
    ]
    return missing + foreign
