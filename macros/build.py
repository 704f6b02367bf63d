"""Build the six language sites: each a separate mkdocs process, in parallel, all or nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .i18n import DEFAULT
from .site import write_root

ROOT = Path(__file__).resolve().parent.parent


def config_file(code: str, root: Path = ROOT) -> Path:
    """mkdocs.yml is English and the base; every other language INHERITs it."""
    return root / ("mkdocs.yml" if code == DEFAULT else f"mkdocs.{code}.yml")


@dataclass
class Result:
    lang: str
    ok: bool
    seconds: float
    output: str


def build_language(code: str, out_dir: Path, root: Path = ROOT, env: dict | None = None) -> Result:
    started = time.perf_counter()
    proc = subprocess.run(
        # Never --quiet: it drops warnings before strict mode counts them.
        [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config_file(code, root)),
         "--site-dir", str(out_dir)],
        cwd=root, capture_output=True, text=True, check=False,  # the return code is the verdict
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
    output = "\n".join(line for line in (proc.stdout + proc.stderr).splitlines()
                       if line.strip() and not line.startswith("INFO"))
    return Result(code, proc.returncode == 0, time.perf_counter() - started, output)


def build(langs: list[str], site_dir: Path, *, jobs: int | None = None, root: Path = ROOT,
          report=print, env: dict | None = None) -> list[Result]:
    """Build ``langs`` into ``site_dir``; on any failure nothing in ``site_dir`` changes."""
    staging = site_dir.with_name(site_dir.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    jobs = jobs or min(len(langs), os.cpu_count() or 1)

    def one(code: str) -> Result:
        result = build_language(code, staging / code, root, env)
        report(f"  [{code}] {'built' if result.ok else 'FAILED'} in {result.seconds:.1f}s")
        return result

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(one, langs))
    if all(r.ok for r in results):
        site_dir.mkdir(parents=True, exist_ok=True)
        for code in langs:  # swap each language in; a reader never sees half a language
            old = site_dir / f".{code}.old"
            shutil.rmtree(old, ignore_errors=True)
            if (site_dir / code).exists():
                (site_dir / code).rename(old)
            (staging / code).rename(site_dir / code)
            shutil.rmtree(old, ignore_errors=True)
        write_root(site_dir)
    shutil.rmtree(staging, ignore_errors=True)
    return results
