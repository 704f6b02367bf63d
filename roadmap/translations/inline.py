"""The codes inside a text that a translator must keep, as XLIFF 1.2 inline elements.

A text (a page section's Markdown, a data text, an interface string) is cut into words to
translate and *codes*: macros ``{{ ref("A1.3") }}``, placeholders ``{count}``, attribute lists
``{#mandate}``, code spans, HTML tags and comments, the block markers at a line's start (``## ``,
``- ``), the addresses of links, and the paired marks around words: bracketed wording
``[[...]]``, a link's ``[`` and ``](address)``, emphasis ``**``/``*``. Paired marks become
``<bpt>``/``<ept>`` (their words stay translatable), the others ``<ph>``: CAT tools show both
as tags that cannot be typed over.

Reading a target back gives the text again; ``mismatch`` compares its codes with the English's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lxml import etree

_CODE = re.compile(
    r"(?P<macro>\{\{.*?\}\}|\{%.*?%\})"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<attrs>\{[:#.][^{}\n]*\})"
    r"|(?P<placeholder>\{[A-Za-z_][A-Za-z0-9_]*\})"
    r"|(?P<code>`[^`\n]+`)"
    r"|(?P<html></?[A-Za-z][^<>\n]*>)"
    r"|(?P<block>^[ \t]*(?:#{1,6}|[-*+]|\d+\.|>)[ \t]+"  # a heading's, list item's, quote's
    r"|^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$)"  # a table's rule
    r"|(?P<pipe>\|)"
    r"|(?P<bracket_open>\[\[)|(?P<bracket_close>\]\])"
    r"|(?P<link_open>\[(?=[^\[\]\n]*\]\([^()\s]+\)))|(?P<link_close>\]\([^()\s]+\))"
    r"|(?P<strong>\*\*)|(?P<em>(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))",
    re.MULTILINE | re.DOTALL,
)
_OPENS = {"bracket_open": "bracket_close", "link_open": "link_close"}
_TOGGLES = {"strong", "em"}
_CTYPE = {"bracket_open": "x-bracket", "link_open": "link", "strong": "bold", "em": "italic"}
NOT_COMPARED = {"comment"}  # a translation may carry its own (terms: ignore ...)


@dataclass(frozen=True)
class Piece:
    text: str
    kind: str = ""  # "" for words to translate; else the code's kind
    role: str = "ph"  # ph, bpt or ept
    pair: int = 0  # bpt and ept of one pair share it


def pieces(text: str) -> list[Piece]:
    """The text cut into words and codes, paired marks matched (an unmatched one is a ph)."""
    raw: list[tuple[str, str]] = []
    at = 0
    for m in _CODE.finditer(text):
        if m.start() > at:
            raw.append((text[at : m.start()], ""))
        raw.append((m.group(0), m.lastgroup or ""))
        at = m.end()
    if at < len(text):
        raw.append((text[at:], ""))
    return _paired(raw)


def _paired(raw: list[tuple[str, str]]) -> list[Piece]:
    roles = ["ph"] * len(raw)
    pairs = [0] * len(raw)
    stack: list[tuple[int, str]] = []  # index, kind of the open mark
    count = 0
    for i, (_, kind) in enumerate(raw):
        closes = next((k for k, v in _OPENS.items() if v == kind), None)
        if kind in _OPENS or (kind in _TOGGLES and not any(k == kind for _, k in stack)):
            stack.append((i, kind))
            continue
        wanted = closes or (kind if kind in _TOGGLES else None)
        match = next((j for j in range(len(stack) - 1, -1, -1) if stack[j][1] == wanted), None)
        if wanted is None or match is None:
            continue
        opened, _ = stack.pop(match)
        count += 1
        roles[opened], roles[i] = "bpt", "ept"
        pairs[opened] = pairs[i] = count
    return [Piece(t, k, roles[i] if k else "", pairs[i]) for i, (t, k) in enumerate(raw) if t]


def codes(text: str) -> Counter[str]:
    """The codes a translation must keep, with how often each occurs."""
    return Counter(p.text for p in pieces(text) if p.kind and p.kind not in NOT_COMPARED)


def mismatch(english: str, target: str) -> str | None:
    """What the target lost or added among the English's codes (None: the same codes)."""
    want, have = codes(english), codes(target)
    if want == have:
        return None
    lost = sorted((want - have).elements())
    extra = sorted((have - want).elements())
    parts = []
    if lost:
        parts.append("lacks " + ", ".join(repr(c) for c in lost))
    if extra:
        parts.append("has " + ", ".join(repr(c) for c in extra) + " that the English has not")
    return " and ".join(parts)


def fill(element: etree._Element, text: str, ns: str) -> None:
    """Write ``text`` into an XLIFF <source> or <target>, its codes as inline elements."""
    last: etree._Element | None = None
    for n, piece in enumerate(pieces(text), 1):
        if not piece.kind:
            if last is None:
                element.text = (element.text or "") + piece.text
            else:
                last.tail = (last.tail or "") + piece.text
            continue
        last = etree.SubElement(element, f"{{{ns}}}{piece.role}")
        last.set("id", str(n))
        if piece.role == "ph":
            last.set("ctype", f"x-{piece.kind.replace('_', '-')}")
        else:
            last.set("rid", str(piece.pair))
            if piece.role == "bpt":
                last.set("ctype", _CTYPE.get(piece.kind, "x-" + piece.kind.replace("_", "-")))
        last.text = piece.text


def text_of(element: etree._Element, native: dict[str, str] | None = None) -> str:
    """The text of a <source> or <target>: words, and each inline element's code. An empty
    code (<x/>, <bx/>, <ex/>, written by some tools) is the English's code of that id."""
    out = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):  # a comment or processing instruction
            out.append(child.tail or "")
            continue
        name = etree.QName(child).localname
        if name in ("g", "mrk", "sub"):
            out.append(text_of(child, native))
        else:
            code = "".join(child.itertext())
            out.append(code or (native or {}).get(child.get("id") or "", ""))
        out.append(child.tail or "")
    return "".join(out)


def native_codes(element: etree._Element) -> dict[str, str]:
    """Inline element id -> its code, in a <source>."""
    return {
        el.get("id") or "": "".join(el.itertext())
        for el in element.iter()
        if el is not element and isinstance(el.tag, str) and el.get("id")
    }
