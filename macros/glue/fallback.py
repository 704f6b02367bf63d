"""Pages not yet translated: taken from English, shown under a notice in the reader's language."""

from __future__ import annotations

from pathlib import Path

from ..i18n import DEFAULT, t


def missing_pages(lang_dir: Path, source_dir: Path) -> list[str]:
    """Relative paths of Markdown pages that exist in English but not in ``lang_dir``."""
    if lang_dir.resolve() == source_dir.resolve():
        return []
    return sorted(
        p.relative_to(source_dir).as_posix()
        for p in source_dir.rglob("*.md")
        if not (lang_dir / p.relative_to(source_dir)).exists()
    )


def wrap(markdown: str, lang: str) -> str:
    """The English text, marked as English, under a notice in the page's language."""
    notice = (f'!!! warning "{t(lang, "fallback.title")}"\n\n'
              f'    {t(lang, "fallback.body")}\n')
    return (f'<div class="roadmap-fallback" markdown>\n\n{notice}\n</div>\n\n'
            f'<div lang="{DEFAULT}" dir="ltr" markdown>\n\n{markdown}\n\n</div>\n')
