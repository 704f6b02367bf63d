"""Word-level redlines: deleted words struck through, inserted words underlined."""

from __future__ import annotations

import logging
import re
from difflib import SequenceMatcher
from html import escape

from ..i18n.languages import language

_WORDS = re.compile(r"\s+|\w+|[^\w\s]")


def tokens(text: str, lang: str) -> list[str]:
    """Words, spaces and punctuation. Chinese has no spaces between words: jieba finds them."""
    if language(lang).segmentation == "jieba":
        import jieba

        jieba.setLogLevel(logging.WARNING)
        return list(jieba.cut(text))
    return _WORDS.findall(text)


def redline(old: str, new: str, lang: str, labels: tuple[str, str] = ("", "")) -> str:
    """HTML of ``new`` with the words removed from ``old`` in <del> and the added ones in <ins>.

    ``labels`` are said before each by screen readers, which do not announce <del>/<ins>.
    """
    a, b = tokens(old, lang), tokens(new, lang)
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            out.append(mark("del", "".join(a[i1:i2]), labels[0]))
        if op in ("insert", "replace"):
            out.append(mark("ins", "".join(b[j1:j2]), labels[1]))
    return "".join(out)


def mark(tag: str, text: str, label: str = "") -> str:
    """<del> or <ins> around escaped text, with its label for screen readers first."""
    said = f'<span class="roadmap-sr">{escape(label)} </span>' if label else ""
    return f"<{tag}>{said}{escape(text)}</{tag}>"


def changed(old: str, new: str) -> bool:
    return " ".join(old.split()) != " ".join(new.split())
