"""The project folder: where it is and what its sources are (the engine reads its configurations).

The project is the folder that holds ``mkdocs.yml`` (the site's base configuration), found from
the working directory upwards or given with ``--project``; never the folder this package is
installed in, so that the package works installed like any other.
"""

from __future__ import annotations

import fnmatch
import shutil
from pathlib import Path

from .errors import RoadmapError

BASE_CONFIG = "mkdocs.yml"

# What a draft is made of: `roadmap serve` rebuilds when one of them changes, `roadmap publish`
# refuses to publish while one of them has uncommitted changes. Patterns relative to the project.
SOURCES: tuple[str, ...] = (
    "docs",
    "data",
    "translations",
    "overrides",
    "roadmap",
    "macros",
    "mkdocs*.yml",
    "pyproject.toml",
    "constraints.txt",
)


# What editors change, and so what a copy of the project to build or break holds: the content
# (pages, data, translation records), the theme's overrides and the configurations
# (mkdocs*.yml); the rest of SOURCES is code, installed rather than copied.
CONTENT: tuple[str, ...] = ("docs", "data", "translations")
EDITED: tuple[str, ...] = (*CONTENT, "overrides")


def copy_sources(root: Path, dest: Path, *, content: Path | None = None) -> Path:
    """The folders editors change and the configurations of ``root``, copied to ``dest``;
    with ``content``, the content folders are taken from there instead (a test's fixture)."""
    for name in EDITED:
        shutil.copytree((content or root) / name if name in CONTENT else root / name, dest / name)
    for cfg in root.glob("mkdocs*.yml"):
        shutil.copy(cfg, dest / cfg.name)
    return dest


class ProjectNotFound(RoadmapError):
    """No mkdocs.yml in the working directory or above it."""

    exit_code = 2  # how the command was called, not what it found


def find(start: Path | None = None) -> Path:
    """The project folder holding ``start`` (default: the working directory)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / BASE_CONFIG).is_file() and (folder / "docs").is_dir():
            return folder
    raise ProjectNotFound(
        f"no {BASE_CONFIG} with a docs/ folder in {here} or above it: run roadmap "
        "inside the project folder, or give it with --project"
    )


def is_source(path: Path, root: Path) -> bool:
    """Whether a file belongs to the sources (``SOURCES``); caches and build output do not."""
    try:
        rel = path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    if "__pycache__" in rel.parts or rel.suffix in (".pyc", ".swp") or rel.name.endswith("~"):
        return False
    return any(fnmatch.fnmatch(rel.parts[0], pattern) for pattern in SOURCES)


def missing_pages(lang_dir: Path, source_dir: Path) -> list[str]:
    """Relative paths of Markdown pages that exist in English but not in ``lang_dir``."""
    if lang_dir.resolve() == source_dir.resolve():
        return []
    return sorted(
        p.relative_to(source_dir).as_posix()
        for p in source_dir.rglob("*.md")
        if not (lang_dir / p.relative_to(source_dir)).exists()
    )
