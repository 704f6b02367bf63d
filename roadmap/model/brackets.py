"""The syntax of bracketed text, wordings still under negotiation, in pages and data alike.

``[[first wording]][[second wording]]``: consecutive groups are the alternatives of one
passage; a single ``[[text]]`` is a passage not yet agreed. Drawing them is
``render.bracket_marks``; here is only what a passage is, so that the data check and the page
check find the same mistakes.
"""

from __future__ import annotations

import re

OPTION = re.compile(r"\[\[((?:(?!\]\]|\[\[).)+)\]\]")
PASSAGE = re.compile(rf"{OPTION.pattern}(?:[ \t]?{OPTION.pattern})*")
_TOKEN = re.compile(r"\[\[|\]\]")


def count(text: str) -> int:
    return len(PASSAGE.findall(text))


def stray(text: str) -> list[tuple[int, str]]:
    """Offsets of '[[' and ']]' that belong to no passage: a typing mistake."""
    rest = PASSAGE.sub(lambda m: " " * len(m.group(0)), text)  # passages blanked out
    return [(m.start(), m.group(0)) for m in _TOKEN.finditer(rest)]


def stray_message(token: str) -> str:
    return (
        "'[[' opens a bracketed passage that is not closed by ']]' on the same line"
        if token == "[["
        else "']]' closes no bracketed passage: it needs a '[[' before it"
    )
