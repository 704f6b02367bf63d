"""MkDocs as the site engine of ``roadmap`` (entry point group 'roadmap.engines').

A language is built in the calling process through MkDocs' own API, as `mkdocs build` does;
``roadmap.build`` calls it in worker processes forked after the data was loaded once.
"""

from __future__ import annotations

import logging
import os
import time
from functools import cache
from pathlib import Path

from roadmap.engine import Built


class _Collect(logging.Handler):
    """What the build says, as `mkdocs build` prints it ('WARNING -  ...'), INFO left out."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


class MkDocs:
    name = "mkdocs"

    def prepare(self, langs: list[str]) -> None:
        """Import the engine and load jieba's dictionary before the builds are forked: every
        language needs it, as Material's search segments any Chinese text a page holds (the
        language names), and a worker loading it itself would spend a second on it."""
        from material.plugins.search import plugin as search_plugin
        from mkdocs.commands import build  # noqa: F401
        from mkdocs_macros import context
        from mkdocs_macros import plugin as macros_plugin  # noqa: F401

        # mkdocs-macros asks git a dozen questions in every build (its `git` variable); the
        # answers are the same for every language of a build: asked once, here.
        if not hasattr(context.get_git_info, "cache_info"):
            context.get_git_info = cache(context.get_git_info)

        if search_plugin.jieba is not None:
            search_plugin.jieba.setLogLevel(logging.WARNING)
            search_plugin.jieba.initialize()

    def build(
        self,
        lang: str,
        config_file: Path,
        site_dir: Path,
        env: dict[str, str],
        only: frozenset[str] | None = None,
    ) -> Built:
        """Build one language in this process (a worker: its environment is its own); with
        ``only``, render those pages again into the site there (macros/partial.py)."""
        return self._build(lang, config_file, site_dir, env, offline=False, only=only)

    def build_offline(
        self, lang: str, config_file: Path, site_dir: Path, env: dict[str, str]
    ) -> Built:
        """The same with Material's offline plugin: file URLs, the search index as a script, and
        our vendored iframe-worker shim (the plugin would otherwise link it from unpkg.com)."""
        return self._build(lang, config_file, site_dir, env, offline=True)

    def _build(
        self,
        lang: str,
        config_file: Path,
        site_dir: Path,
        env: dict[str, str],
        *,
        offline: bool,
        only: frozenset[str] | None = None,
    ) -> Built:
        from mkdocs import exceptions
        from mkdocs.commands import build
        from mkdocs.config import load_config

        from . import partial

        started = time.perf_counter()
        os.environ.update({"NO_MKDOCS_2_WARNING": "1", **env})
        collect = _Collect()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(collect)
        ok = True
        try:
            config = load_config(str(config_file), site_dir=str(site_dir))
            if offline:
                _enable_offline(config)
            config.plugins.on_startup(command="build", dirty=only is not None)
            try:
                if only is None:
                    build.build(config)
                else:
                    partial.run(build.build, config, only)
            finally:
                config.plugins.on_shutdown()
        except (exceptions.MkDocsException, exceptions.ConfigurationError) as exc:
            ok = False
            collect.lines.append(f"{'ERROR':<8}-  {exc}")
        finally:
            logger.removeHandler(collect)
        return Built(lang, ok, time.perf_counter() - started, "\n".join(collect.lines))

    @cache  # noqa: B019 (one adapter object per process)
    def page_names(self) -> frozenset[str]:
        """The macros and variables mkdocs-macros defines itself (now(), context(), ...), and
        those it gives every page."""
        from mkdocs_macros import context

        names = {
            "page",
            "navigation",
            "files",
            "config",
            "extra",
            "macros",
            "filters",
            "filters_builtin",
        }

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


IFRAME_WORKER = "assets/vendor/iframe-worker/shim.js"  # overrides/assets/vendor/ (MIT)


def _enable_offline(config) -> None:
    from material.plugins.offline.plugin import OfflinePlugin

    plugin = OfflinePlugin()
    plugin.load_config({"enabled": True})
    config["use_directory_urls"] = False  # a browser reading files does not look for index.html
    config["extra"]["polyfills"] = [IFRAME_WORKER]
    config.plugins["material/offline"] = plugin
