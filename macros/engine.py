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
from roadmap.i18n import LANGUAGES


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
        """Import the engine and load jieba's dictionary before the builds are forked."""
        from material.plugins.search import plugin  # noqa: F401
        from mkdocs.commands import build  # noqa: F401
        from mkdocs_macros import plugin as macros_plugin  # noqa: F401

        if any(lang.segmentation == "jieba" and lang.code in langs for lang in LANGUAGES):
            import jieba

            jieba.setLogLevel(logging.WARNING)
            jieba.initialize()

    def build(self, lang: str, config_file: Path, site_dir: Path, env: dict[str, str]) -> Built:
        """Build one language in this process (a worker: its environment is its own)."""
        return self._build(lang, config_file, site_dir, env, offline=False)

    def build_offline(
        self, lang: str, config_file: Path, site_dir: Path, env: dict[str, str]
    ) -> Built:
        """The same with Material's offline plugin: file URLs, the search index as a script, and
        our vendored iframe-worker shim (the plugin would otherwise link it from unpkg.com)."""
        return self._build(lang, config_file, site_dir, env, offline=True)

    def _build(
        self, lang: str, config_file: Path, site_dir: Path, env: dict[str, str], *, offline: bool
    ) -> Built:
        from mkdocs import exceptions
        from mkdocs.commands import build
        from mkdocs.config import load_config

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
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build.build(config)
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
