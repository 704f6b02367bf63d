"""The print edition's CJK font as TrueType, cut to the characters the edition uses.

Debian's Noto Sans CJK is CFF outlines in a font collection, which Chromium's PDF writer embeds
as Type 3 fonts of up to 256 glyphs each, without a name (303 fonts, 2.2 MB in the Chinese PDF;
copying and searching its text suffer too). Given the same glyphs as TrueType, cut to the
edition's characters (fontTools), Chromium embeds one subset font per weight, named.
"""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
from functools import cache

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

FAMILY = "Roadmap CJK"  # the name the edition's CSS uses (print.css)
SOURCE = "Noto Sans CJK SC"  # Debian's fonts-noto-cjk
WEIGHTS = {400: "Regular", 700: "Bold"}
_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")


class FontError(Exception):
    """The CJK font the edition needs is not installed."""


def faces(text: str) -> str:
    """@font-face rules of the CJK font, cut to the characters of ``text``; none without CJK."""
    chars = frozenset(text)
    if not any(_CJK.match(c) for c in chars):
        return ""
    return "\n".join(
        f"@font-face {{ font-family: '{FAMILY}'; font-weight: {weight}; "
        f"src: url(data:font/ttf;base64,{_truetype(style, chars)}) format('truetype'); }}"
        for weight, style in WEIGHTS.items()
    )


def _truetype(style: str, chars: frozenset[str]) -> str:
    path, number = _located(style)
    font = TTFont(path, fontNumber=number, lazy=False)
    options = subset.Options(layout_features=["*"], name_IDs=["*"], notdef_outline=True)
    cut = subset.Subsetter(options)
    cut.populate(unicodes=[ord(c) for c in chars])
    cut.subset(font)
    _to_quadratic(font)
    out = io.BytesIO()
    font.save(out)
    return base64.b64encode(out.getvalue()).decode("ascii")


@cache
def _located(style: str) -> tuple[str, int]:
    """The file (and number in its collection) of the font, as fontconfig finds it."""
    fc_match = shutil.which("fc-match")
    query = f"{SOURCE}:style={style}"
    found = (
        subprocess.run(
            [fc_match, "-f", "%{family}|%{file}|%{index}", query],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        if fc_match
        else ""
    )
    family, _, rest = found.partition("|")
    path, _, index = rest.partition("|")
    if SOURCE not in family.split(","):
        raise FontError(f"the PDF needs the font '{SOURCE}': apt-get install fonts-noto-cjk")
    return path, int(index or 0)


def _to_quadratic(font: TTFont) -> None:
    """CFF (cubic) outlines into TrueType (quadratic) ones, in place (after fontTools'
    Snippets/otf2ttf.py)."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"], font["glyf"] = newTable("loca"), glyf
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones",):
        setattr(maxp, field, 1)
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 0)
    font["maxp"] = maxp
    maxp.compile(font)
    post = font["post"]
    post.formatType, post.extraNames, post.mapping, post.glyphOrder = 2.0, [], {}, order
    font.sfntVersion = "\x00\x01\x00\x00"
