"""The sources of two drafts side by side: this one from disk, the previous one from its tag."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import gitrepo
from ..i18n import DEFAULT
from .compare import load_files, load_folder


@dataclass
class Sources:
    data: dict[str, dict]  # data file name -> parsed YAML
    pages: dict[str, str]  # page path under docs/<lang>/ -> Markdown (English where untranslated)


def previous_tag(root: Path, number: int) -> str | None:
    """The newest draft published before draft ``number``, as its tag."""
    earlier = {n: tag for n, tag in gitrepo.draft_tags(root).items() if n < number}
    return earlier[max(earlier)] if earlier else None


def _pages(own: dict[str, str], english: dict[str, str]) -> dict[str, str]:
    # What the language build shows: its own page, else the English one under a notice.
    return {path: own.get(path, text) for path, text in english.items()} | own


def _markdown(files: dict[str, bytes]) -> dict[str, str]:
    return {p: b.decode("utf-8") for p, b in files.items() if p.endswith(".md")}


def at_tag(root: Path, tag: str, lang: str) -> Sources:
    data = load_files(gitrepo.files_at(root, tag, "data"))
    own = _markdown(gitrepo.files_at(root, tag, f"docs/{lang}"))
    english = _markdown(gitrepo.files_at(root, tag, f"docs/{DEFAULT}"))
    return Sources(data, _pages(own, english))


def on_disk(root: Path, data_dir: Path, lang: str) -> Sources:
    def read(folder: Path) -> dict[str, str]:
        return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
                for p in folder.rglob("*.md")} if folder.is_dir() else {}

    return Sources(load_folder(data_dir), _pages(read(root / "docs" / lang), read(root / "docs" / DEFAULT)))
