"""Paragraph-by-paragraph differences between the Markdown pages of two drafts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from .redline import changed

_HEADING_ID = re.compile(r"[ \t]*\{#[^}\n]*\}[ \t]*$", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


@dataclass
class Block:
    old: str | None  # None: the paragraph is new
    new: str | None  # None: the paragraph was removed


@dataclass
class PageChange:
    path: str
    title: str
    blocks: list[Block]


def paragraphs(markdown: str) -> list[str]:
    """Blocks separated by blank lines, front matter and heading ids left out."""
    body = _HEADING_ID.sub("", _FRONT_MATTER.sub("", markdown.replace("\r\n", "\n")))
    return [
        " ".join(line.strip() for line in block.splitlines())
        for block in re.split(r"\n\s*\n", body)
        if block.strip()
    ]


def title(markdown: str, fallback: str) -> str:
    for block in paragraphs(markdown):
        if block.startswith("# "):
            return block[2:].strip()
    return fallback


def compare_page(old: str, new: str) -> list[Block]:
    a, b = paragraphs(old), paragraphs(new)
    out: list[Block] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        olds, news = a[i1:i2], b[j1:j2]
        if op == "replace" and len(olds) == len(news):  # paragraphs edited in place
            out += [Block(x, y) for x, y in zip(olds, news, strict=True) if changed(x, y)]
        else:
            out += [Block(x, None) for x in olds] + [Block(None, y) for y in news]
    return out


def compare_pages(
    old: dict[str, str], new: dict[str, str], order: list[str], skip: set[str]
) -> list[PageChange]:
    """Pages (path -> Markdown) changed between two drafts, in ``order`` then by name."""
    paths = [p for p in order if p in old or p in new]
    paths += sorted((set(old) | set(new)) - set(paths))
    out = []
    for path in paths:
        if path in skip:
            continue
        blocks = compare_page(old.get(path, ""), new.get(path, ""))
        if blocks:
            out.append(PageChange(path, title(new.get(path) or old.get(path, ""), path), blocks))
    return out
