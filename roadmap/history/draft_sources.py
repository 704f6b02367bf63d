"""The sources of two drafts side by side: this one from disk, the previous one from its tag.

Read once per build, for every language at once; what is compared is computed from them by
pure functions (``compare``, ``prose``), so rendering never reaches git.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import gitrepo
from ..i18n import CODES, DEFAULT
from ..model import Roadmap
from ..model.schema import Draft
from .compare import load_files
from .pair import DraftPair, Sources


def previous_tag(root: Path, number: int) -> str | None:
    """The newest draft published before draft ``number``, as its tag."""
    earlier = {n: tag for n, tag in gitrepo.draft_tags(root).items() if n < number}
    return earlier[max(earlier)] if earlier else None


def _markdown(files: dict[str, bytes]) -> dict[str, str]:
    return {p: b.decode("utf-8") for p, b in files.items() if p.endswith(".md")}


def at_tag(root: Path, tag: str) -> Sources:
    return Sources(
        load_files(gitrepo.files_at(root, tag, "data")),
        {code: _markdown(gitrepo.files_at(root, tag, f"docs/{code}")) for code in CODES},
    )


def on_disk(root: Path, data_dir: Path) -> Sources:
    def read(folder: Path) -> dict[str, str]:
        return (
            {
                p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
                for p in folder.rglob("*.md")
            }
            if folder.is_dir()
            else {}
        )

    return Sources(load_folder(data_dir), {code: read(root / "docs" / code) for code in CODES})


def load_folder(folder: Path) -> dict[str, dict]:
    return load_files({p.name: p.read_bytes() for p in Path(folder).glob("*.yml")})


def read_pair(roadmap: Roadmap, draft: Draft, root: Path, data_dir: Path) -> DraftPair:
    """The previous draft's sources (from its tag) and this one's (from disk): the git reads."""
    first = draft.id == roadmap.drafts[0].id
    tag = previous_tag(root, draft.number)
    if tag is None:
        return DraftPair(None, first)
    known = {d.id: d for d in roadmap.drafts}
    previous = known.get(tag) or Draft(
        id=tag, title={DEFAULT: tag}, date=dt.date.min, status="superseded"
    )
    return DraftPair(previous, first, at_tag(root, tag), on_disk(root, data_dir))
