"""Build the six language sites through the site engine, in parallel, all or nothing."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .engine import Built, engine
from .project import config_file
from .site import write_root

Result = Built  # what one language's build gave


def build_language(code: str, out_dir: Path, root: Path, env: dict | None = None) -> Built:
    return engine().build(code, config_file(code, root), out_dir, dict(env or {}))


def build(langs: list[str], site_dir: Path, *, root: Path, jobs: int | None = None,
          report: Callable[[str], object] = print, env: dict | None = None) -> list[Built]:
    """Build ``langs`` into ``site_dir``; on any failure nothing in ``site_dir`` changes."""
    staging = site_dir.with_name(site_dir.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    jobs = jobs or min(len(langs), os.cpu_count() or 1)

    def one(code: str) -> Built:
        result = build_language(code, staging / code, root, env)
        report(f"  [{code}] {'built' if result.ok else 'FAILED'} in {result.seconds:.1f}s")
        return result

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(one, langs))
    if all(r.ok for r in results):
        _swap_in(langs, staging, site_dir)
        write_root(site_dir)
    shutil.rmtree(staging, ignore_errors=True)
    return results


def _swap_in(langs: list[str], staging: Path, site_dir: Path) -> None:
    """Each language moved in whole: a reader never sees half a language."""
    site_dir.mkdir(parents=True, exist_ok=True)
    for code in langs:
        old = site_dir / f".{code}.old"
        shutil.rmtree(old, ignore_errors=True)
        if (site_dir / code).exists():
            (site_dir / code).rename(old)
        (staging / code).rename(site_dir / code)
        shutil.rmtree(old, ignore_errors=True)
