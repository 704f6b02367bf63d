"""MkDocs as the site engine of ``roadmap`` (entry point group 'roadmap.engines').

A language is built in the calling process through MkDocs' own API, as `mkdocs build` does;
``roadmap.build`` calls it in worker processes forked after the data was loaded once.
"""

from __future__ import annotations

import logging
import re
import time
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from roadmap.engine import Built
from roadmap.i18n import DEFAULT

if TYPE_CHECKING:
    from roadmap.build_spec import Build
    from roadmap.inputs import Inputs


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
        build: Build,
        lang: str,
        site_dir: Path,
        given: Inputs | None = None,
        only: frozenset[str] | None = None,
    ) -> Built:
        """One language in this process, as `mkdocs build` does; with ``only``, those pages
        again into the site there (macros/partial_rebuild.py). The Build and its data are handed to
        our plugin before the engine starts it (RoadmapPlugin.given)."""
        from mkdocs import exceptions
        from mkdocs.commands import build as mkdocs_build
        from mkdocs.config import load_config

        from . import partial_rebuild

        started = time.perf_counter()
        collect = _Collect()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(collect)
        ok = True
        try:
            config = load_config(str(config_file(lang, build.root)), site_dir=str(site_dir))
            if build.offline:
                _enable_offline(config)
            if (ours := config.plugins.get("roadmap")) is not None:  # a plain site has none
                ours.given = (build, given)
            config.plugins.on_startup(command="build", dirty=only is not None)
            try:
                run = mkdocs_build.build
                run(config) if only is None else partial_rebuild.run(run, config, only)
            finally:
                config.plugins.on_shutdown()
        except (exceptions.MkDocsException, exceptions.ConfigurationError) as exc:
            ok = False
            collect.lines.append(f"{'ERROR':<8}-  {exc}")
        finally:
            logger.removeHandler(collect)
        return Built(lang, ok, time.perf_counter() - started, "\n".join(collect.lines))

    def read_config(self, root: Path, lang: str) -> dict:
        """mkdocs.<lang>.yml as MkDocs reads it (INHERIT merged, tags resolved), unvalidated."""
        path = config_file(lang, root)
        return _parsed(path, path.stat().st_mtime_ns)

    def jinja_options(self, config: dict) -> dict:
        """mkdocs-macros' delimiter options (j2_*_string) of our plugin, in Jinja's names."""
        plugin = (config.get("plugins") or {}).get("roadmap") or {}
        return {k[3:]: v for k, v in plugin.items() if k[:3] == "j2_" and k.endswith("_string")}

    def page_names(self, config: dict) -> frozenset[str]:
        """mkdocs-macros' own names, and the config's ``extra`` (it makes them variables)."""
        return _macros_names() | set(config.get("extra") or {})

    def article(self, page_html: str) -> str:
        """Material's article element: the page's content, its frame left out."""
        found = _ARTICLE.search(page_html)
        if found is None:
            raise ValueError("the built page has no article (is it a page of the theme?)")
        return found[1]


_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def config_file(lang: str, root: Path) -> Path:
    """mkdocs.yml is English and the base; every other language INHERITs it."""
    return root / ("mkdocs.yml" if lang == DEFAULT else f"mkdocs.{lang}.yml")


@cache
def _parsed(path: Path, _mtime_ns: int) -> dict:
    """One configuration file with its parents, parsed once while it is unchanged."""
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    with open(path, "rb") as fh:
        return yaml_load(fh, get_yaml_loader())


@cache
def _macros_names() -> frozenset[str]:
    """The macros and variables mkdocs-macros defines itself (now(), context(), ...), and
    those it gives every page."""
    from mkdocs_macros import context

    names = {"page", "navigation", "files", "config", "extra", "macros"}
    names |= {"filters", "filters_builtin"}

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
