"""Whether the fonts the printed editions are set in (render/templates/print.css) are installed.

Chromium finds them through fontconfig (editions/fonts.py cuts the CJK one from its file).
Without one, Chromium falls back to another font silently (an Arabic PDF came out in DejaVu
Sans): a publish refuses instead, naming what to install."""

from __future__ import annotations

import shutil
import subprocess

# Family -> the Debian package that has it; per language, the families its edition needs.
PACKAGES = {
    "Noto Sans": "fonts-noto-core",
    "Noto Naskh Arabic": "fonts-noto-core",
    "Noto Sans Arabic": "fonts-noto-core",
    "Noto Sans CJK SC": "fonts-noto-cjk",
    "DejaVu Sans Mono": "fonts-dejavu-core",
}
NEEDED = {"ar": ("Noto Naskh Arabic", "Noto Sans Arabic")}
# Every edition names the languages in their own scripts (Chinese among them): CJK in all.
EVERY_LANGUAGE = ("Noto Sans", "Noto Sans CJK SC", "DejaVu Sans Mono")


def installed() -> set[str] | None:
    """The font families fontconfig knows, or None without fontconfig's fc-list."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    out = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True, check=False)
    return {name.strip() for line in out.stdout.splitlines() for name in line.split(",")}


def missing(langs: list[str], families: set[str] | None = None) -> str | None:
    """What to install before the editions of ``langs`` can be printed, or None."""
    families = installed() if families is None else families
    if families is None:
        return (
            "fontconfig's fc-list is needed to find the editions' fonts: apt-get install fontconfig"
        )
    wanted = {*EVERY_LANGUAGE, *(f for lang in langs for f in NEEDED.get(lang, ()))}
    lacking = sorted(wanted - families)
    if not lacking:
        return None
    packages = " ".join(sorted({PACKAGES[f] for f in lacking}))
    return (
        f"the fonts {', '.join(lacking)} are not installed, and the PDFs would be printed in "
        f"another font without a word: apt-get install {packages} (or bash .ci/system-deps.sh)"
    )
