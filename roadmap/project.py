"""The project folder: where it is, what its sources are, and its per-language configurations.

The project is the folder that holds ``mkdocs.yml`` (the site's base configuration), found from
the working directory upwards or given with ``--project``; never the folder this package is
installed in, so that the package works installed like any other.
"""

from __future__ import annotations

import fnmatch
import os
import shutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from .errors import RoadmapError
from .i18n import DEFAULT

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


def config_file(code: str, root: Path) -> Path:
    """mkdocs.yml is English and the base; every other language INHERITs it."""
    return root / (BASE_CONFIG if code == DEFAULT else f"mkdocs.{code}.yml")


def is_source(path: Path, root: Path) -> bool:
    """Whether a file belongs to the sources (``SOURCES``); caches and build output do not."""
    try:
        rel = path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    if "__pycache__" in rel.parts or rel.suffix in (".pyc", ".swp") or rel.name.endswith("~"):
        return False
    return any(fnmatch.fnmatch(rel.parts[0], pattern) for pattern in SOURCES)


class _ConfigLoader(yaml.CSafeLoader):
    """Reads the engine's YAML tags: ``!ENV [NAME, default]`` as an ``_Env`` resolved on each
    read (the variable if set, else the default), other tags as the value they carry."""


@dataclass(frozen=True)
class _Env:
    names: tuple[str, ...]
    default: object

    def value(self) -> object:
        return next((os.environ[n] for n in self.names if n in os.environ), self.default)


def _tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        if suffix == "ENV" and values:
            return _Env(tuple(str(n) for n in values[:-1]), values[-1])
        return values
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        return _Env((str(value),), None) if suffix == "ENV" else value
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("!", _tag)


def _merge(base: dict, child: dict) -> dict:
    """As INHERIT does: mappings merge key by key, anything else (lists too) is replaced."""
    out = dict(base)
    for key, value in child.items():
        both = isinstance(value, dict) and isinstance(out.get(key), dict)
        out[key] = _merge(out[key], value) if both else value
    return out


def _resolve(value: object) -> object:
    if isinstance(value, _Env):
        return value.value()
    if isinstance(value, dict):
        return {k: _resolve(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v) for v in value]
    return value


def read_config(code: str, root: Path) -> dict:
    """A language's configuration as the engine reads it, INHERIT and !ENV included."""
    config = _resolve(_read(config_file(code, root)))
    assert isinstance(config, dict)
    return config


def _read(path: Path) -> dict:
    return _parsed(path, path.stat().st_mtime_ns)


@cache
def _parsed(path: Path, _mtime_ns: int) -> dict:
    """One configuration file with its parents, parsed once while it is unchanged."""
    with open(path, encoding="utf-8") as fh:
        config = yaml.load(fh, Loader=_ConfigLoader) or {}
    parent = config.pop("INHERIT", None)
    return _merge(_read(path.parent / parent), config) if parent else config


def missing_pages(lang_dir: Path, source_dir: Path) -> list[str]:
    """Relative paths of Markdown pages that exist in English but not in ``lang_dir``."""
    if lang_dir.resolve() == source_dir.resolve():
        return []
    return sorted(
        p.relative_to(source_dir).as_posix()
        for p in source_dir.rglob("*.md")
        if not (lang_dir / p.relative_to(source_dir)).exists()
    )
