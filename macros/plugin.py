"""mkdocs-macros, sandboxed and with clear errors, plus the hooks of a per-language build.

Registered as the mkdocs plugin ``roadmap`` (pyproject entry point). It subclasses
mkdocs-macros, the documented way to build on it, so `modules`, `on_undefined` and the
other macros options keep working; the macros themselves are registered by
``macros.define_env``. Every rule and every piece of markup is in ``roadmap``
(render/one_language.py for the build of one language): this file only hands the engine's
events to it, and writes its answers where MkDocs and Material want them.
"""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path

from jinja2 import FileSystemBytecodeCache, TemplateError
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs_macros.plugin import MacrosPlugin

from roadmap import downloads, drafts, inputs
from roadmap.build_spec import Build
from roadmap.environment import build_from_environment
from roadmap.i18n import language, t
from roadmap.model import DataError
from roadmap.render import PageError
from roadmap.render.catalogue import PageContext, data_shown
from roadmap.render.one_language import LanguageBuild
from roadmap.render.rawblocks import RawBlocks
from roadmap.render.sandbox import sandboxed, template_line

NOT_IN_NAV = InclusionLevel.NOT_IN_NAV  # the side-by-side views: reached from their pages


class RoadmapPlugin(MacrosPlugin):
    """One build = one language. The language is ``theme.language``."""

    # What `roadmap` hands over before the engine starts (macros/mkdocs_engine.py): the Build
    # and its data, loaded once for every language. A build mkdocs or mike started has none.
    given: tuple[Build, inputs.Inputs | None] | None = None

    @event_priority(100)  # before mike's plugin (if someone adds it) appends the version
    def on_config(self, config):
        lang = config["theme"]["language"]
        language(lang)
        root = Path(config.config_file_path).resolve().parent
        build, loaded = self.given or (build_from_environment(root), None)
        try:
            loaded = loaded or inputs.load(build)
        except DataError as exc:
            raise PluginError("the data has errors (run 'roadmap check'):\n" + str(exc)) from None
        except drafts.DraftError as exc:
            raise PluginError(str(exc)) from None
        self.one = LanguageBuild.open(build, lang, loaded, config)
        _compile_theme_once(config["theme"])
        config["markdown_extensions"].append(RawBlocks())  # our macros' HTML, as it is
        config["site_name"] = t(lang, "site.name")
        # For pages without a lead paragraph of their own (description.py): the 404 page.
        config["site_description"] = t(lang, "language.chooser_title")
        config["site_url"] = self.one.site.language
        # Material's version selector and old-draft banner read versions.json (not on disk).
        if build.published:
            config["extra"]["version"] = {"provider": "mike", "default": "latest"}
        result = super().on_config(config)
        self._env = sandboxed(self.env)
        return result

    def on_files(self, files: Files, config) -> Files:
        docs_dir = Path(config["docs_dir"])
        english = str(self.one.source_docs)
        for src in self.one.missing(docs_dir):
            files.append(File(src, english, config["site_dir"], config["use_directory_urls"]))
        self.one.count_brackets(
            [Path(f.abs_src_path).read_text(encoding="utf-8") for f in files.documentation_pages()]
        )
        for uri, content in self.one.views(docs_dir, _rendered_only(config)).items():
            files.append(File.generated(config, uri, content=content, inclusion=NOT_IN_NAV))
        return files

    def on_post_build(self, config):
        super().on_post_build(config)
        if _rendered_only(config) is None:  # a preview of a few pages keeps the downloads
            one = self.one
            downloads.write(
                Path(config["site_dir"]), one.loaded.roadmap, one.loaded.draft, one.lang
            )

    def page_context(self) -> PageContext:
        """The page being rendered, as the macros of ``roadmap.render.catalogue`` see it."""
        return self.one.page_context(self.page.file.src_uri)

    def on_page_markdown(self, markdown, page, config, **kwargs):
        self._source_offset = _front_matter_lines(page, markdown)
        shown = data_shown(markdown)  # before the macros are replaced by what they draw
        markdown = super().on_page_markdown(markdown, page, config, **kwargs)
        src = page.file.src_uri
        if self.one.shows_data(src):
            page.meta["roadmap_data"] = True  # the page shows the illustrative data: it says so
        return self.one.after_macros(src, page.url, markdown, shown)

    def render(self, markdown: str, force_rendering: bool = False) -> str:
        """Render a page's macros; a mistake becomes 'file:line: what is wrong', no traceback.

        Replaces MacrosPlugin.render, which prints a traceback and calls exit() on error;
        it keeps its contract: page meta become variables, `render_macros: false` opts out.
        """
        meta = self.page.meta if self.page is not None else {}
        if meta.get("render_macros") is False:
            return markdown
        variables = dict(self.variables)
        variables.update(meta)
        try:
            return self.env.from_string(markdown).render(**variables)
        except TemplateError as exc:
            message = getattr(exc, "message", None) or str(exc)
            if type(exc).__name__ == "UndefinedError":
                message += " (no such macro or variable; check the spelling)"
            raise PluginError(f"{self._where(template_line(exc))}: {message}") from None
        except PageError as exc:
            raise PluginError(f"{self._where(template_line(exc))}: {exc}") from None

    def _where(self, line: int | None) -> str:
        src = Path(self.page.file.abs_src_path).resolve()
        try:
            name = src.relative_to(self.one.build.root).as_posix()
        except ValueError:
            name = src.as_posix()
        return f"{name}:{line + self._source_offset}" if line else name

    def on_page_content(self, html, page, config, files):
        self.one.page_meta(html, page.meta)
        return html

    def on_page_context(self, context, page, config, nav):
        src = page.file.src_uri
        page.edit_url = self.one.edit_url(src) or page.edit_url  # Material's edit button
        context.update(self.one.page_theme(src, page.url, page.title or "", page.content or ""))
        return context

    def on_template_context(self, context, template_name, config):
        # Theme templates without a page: the 404 page, served at any depth.
        context.update(self.one.theme(template_name))
        return context


def _rendered_only(config) -> frozenset[str] | None:
    """The pages a preview's quick rebuild renders (macros/partial_rebuild.py); None: all."""
    return getattr(config.plugins.get("roadmap/only"), "pages", None)


def _compile_theme_once(theme) -> None:
    """The theme's templates compiled once, not in every build: each Jinja environment the theme
    makes (the pages', and the search plugin's for its strings) gets a file cache, which Jinja
    keys by each template's source, so an edited override is compiled again."""
    make = theme.get_env

    def get_env():
        env = make()
        env.bytecode_cache = _theme_bytecode_cache()
        return env

    theme.get_env = get_env


@cache
def _theme_bytecode_cache() -> FileSystemBytecodeCache:
    folder = Path(tempfile.gettempdir()) / f"roadmap-jinja-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


def _front_matter_lines(page, markdown: str) -> int:
    """Lines taken by front matter: mkdocs hands pages over without it."""
    source = page.file.content_string
    index = source.find(markdown[:200]) if markdown else -1
    return source[:index].count("\n") if index > 0 else 0


__all__ = ["RoadmapPlugin"]
