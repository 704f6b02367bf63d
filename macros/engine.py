"""MkDocs as the site engine of ``roadmap`` (registered under the entry points 'roadmap.engines')."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

from roadmap.engine import Built


class MkDocs:
    name = "mkdocs"

    def build(self, lang: str, config_file: Path, site_dir: Path, env: dict[str, str]) -> Built:
        started = time.perf_counter()
        proc = subprocess.run(
            # Never --quiet: it drops warnings before strict mode counts them.
            [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config_file),
             "--site-dir", str(site_dir)],
            cwd=config_file.parent, capture_output=True, text=True, check=False,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        )
        output = "\n".join(line for line in (proc.stdout + proc.stderr).splitlines()
                           if line.strip() and not line.startswith("INFO"))
        return Built(lang, proc.returncode == 0, time.perf_counter() - started, output)

    @cache  # noqa: B019 (one adapter object per process)
    def page_names(self) -> frozenset[str]:
        """The macros and variables mkdocs-macros defines itself (now(), context(), ...), and
        those it gives every page."""
        from mkdocs_macros import context

        names = {"page", "navigation", "files", "config", "extra", "macros", "filters",
                 "filters_builtin"}

        class Recorder:
            def __init__(self) -> None:
                self.variables: dict = {}
                self.config: dict = {}

            def macro(self, func, name=""):
                names.add(name or func.__name__)
                return func

            def filter(self, func, name=""):
                return func

        recorder = Recorder()
        context.define_env(recorder)
        return frozenset(names | set(recorder.variables))
