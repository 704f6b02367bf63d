"""What a draft's PDF and offline copy are called, in its ``downloads/`` folder."""

from __future__ import annotations

from ..downloads import FOLDER


def pdf(draft_id: str, lang: str) -> str:
    return f"chm-roadmap-{draft_id}-{lang}.pdf"


def offline(draft_id: str, lang: str) -> str:
    return f"chm-roadmap-{draft_id}-{lang}-offline.zip"


def paths(draft_id: str, lang: str) -> dict[str, str]:
    """Kind -> path from the language's site root ('downloads/chm-roadmap-draft-1-en.pdf')."""
    return {
        "pdf": f"{FOLDER}/{pdf(draft_id, lang)}",
        "offline": f"{FOLDER}/{offline(draft_id, lang)}",
    }
