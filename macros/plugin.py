"""mkdocs-macros, sandboxed and with clear errors, plus the hooks of a per-language build.

Registered as the mkdocs plugin ``roadmap`` (pyproject entry point). It subclasses
mkdocs-macros, the documented way to build on it, so `modules`, `on_undefined` and the
other macros options keep working; the macros themselves are registered by
``macros.define_env``. Every rule and every piece of markup is in ``roadmap``: this file
only hands the engine's events to it.
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
from roadmap.build import PREVIEW_ON_DISK
from roadmap.i18n import DEFAULT, language, t
from roadmap.model import DataError
from roadmap.project import missing_pages
from roadmap.render import (
    PageError,
    brackets,
    changes,
    description,
    fallback,
    glossary,
    links,
    translations,
)
from roadmap.render.catalogue import PageContext, data_shown
from roadmap.render.languages import cross_link, page_language_links
from roadmap.render.rawblocks import RawBlocks
from roadmap.render.sandbox import sandboxed, template_line
from roadmap.translations import views

NOT_IN_NAV = InclusionLevel.NOT_IN_NAV  # the side-by-side views: reached from their pages


class RoadmapPlugin(MacrosPlugin):
    """One build = one language. The language is ``theme.language``."""

    @event_priority(100)  # before mike's plugin (if someone adds it) appends the version
    def on_config(self, config):
        self.lang = config["theme"]["language"]
        language(self.lang)
        self.project_root = Path(config.config_file_path).resolve().parent
        self.source_docs = self.project_root / "docs" / DEFAULT
        self.data_dir = Path(os.environ.get("ROADMAP_DATA_DIR", self.project_root / "data"))
        # The draft being built: the version `roadmap publish` deploys, else the one in preparation.
        self.version = os.environ.get("MIKE_DOCS_VERSION") or None
        # The offline copy is the build with file URLs: its raw HTML links to files too.
        self.offline = not config["use_directory_urls"]
        self.published = links.set_build(self.offline, self.version)
        together = os.environ.get(PREVIEW_ON_DISK) == "1"  # every language beside the others
        self.disk = ("side-by-side" if together else "alone") if self.offline else ""
        try:
            loaded = inputs.get(self.project_root, self.data_dir, self.version)
        except DataError as exc:
            raise PluginError("the data has errors (run 'roadmap check'):\n" + str(exc)) from None
        except drafts.DraftError as exc:
            raise PluginError(str(exc)) from None
        self.roadmap, self.draft = loaded.roadmap, loaded.draft
        repository = config["extra"].get("repository") or {}
        self.branch = repository.get("branch", "main")
        # Items link to their data line: in a published draft, at the commit it was published from.
        self.origin = (
            links.Origin(repository["url"], loaded.commit or self.branch)
            if repository.get("url")
            else None
        )
        self.translations = loaded.translations
        nav = [item for item in config["nav"] or [] if isinstance(item, str)]
        self.changes = changes.comparison(loaded.pair, self.lang, nav)
        self._abbreviations = glossary.abbreviations(self.roadmap, self.lang)  # same on every page
        _compile_theme_once(config["theme"])
        config["markdown_extensions"].append(RawBlocks())  # our macros' HTML, as it is
        self._configure_site(config)
        self.fallback_pages: set[str] = set()
        self._page_ctx: PageContext | None = None
        result = super().on_config(config)
        self._env = sandboxed(self.env)
        return result

    def _configure_site(self, config) -> None:
        """Name, description and address of this language's site (of this draft, if published)."""
        config["site_name"] = t(self.lang, "site.name")
        # For pages without a lead paragraph of their own (description.py): the 404 page.
        config["site_description"] = t(self.lang, "language.chooser_title")
        self.site_root = drafts.site_root(config.get("site_url"), self.lang, self.version)
        config["site_url"] = (
            self.site_root + f"{self.lang}/" + (f"{self.version}/" if self.version else "")
        )
        # Material's version selector and old-draft banner read versions.json (not on disk).
        if self.version and not self.offline:
            config["extra"]["version"] = {"provider": "mike", "default": "latest"}

    def on_files(self, files: Files, config) -> Files:
        docs_dir = Path(config["docs_dir"])
        for src in missing_pages(docs_dir, self.source_docs):
            files.append(
                File(src, str(self.source_docs), config["site_dir"], config["use_directory_urls"])
            )
            self.fallback_pages.add(src)
        pages = sum(
            brackets.count_markdown(Path(f.abs_src_path).read_text(encoding="utf-8"))
            for f in files.documentation_pages()
        )
        self._bracket_total = pages + brackets.count_data(self.roadmap, self.lang)
        if self.lang != DEFAULT:  # counted above without them: they repeat the pages
            pages_of_views = views.compare_pages(
                self.translations,
                self.lang,
                (self.source_docs, docs_dir),
                self.version,
                _rendered_only(config),
            )
            for uri, content in pages_of_views.items():
                files.append(File.generated(config, uri, content=content, inclusion=NOT_IN_NAV))
        return files

    def on_post_build(self, config):
        super().on_post_build(config)
        if _rendered_only(config) is None:  # a preview of a few pages keeps the downloads
            downloads.write(Path(config["site_dir"]), self.roadmap, self.draft, self.lang)

    def page_context(self) -> PageContext:
        """The page being rendered, as the macros of ``roadmap.render.catalogue`` see it."""
        if self._page_ctx is None or self._page_ctx.src != self.page.file.src_uri:
            self._page_ctx = PageContext(
                self.roadmap,
                self.lang,
                self.page.file.src_uri,
                self.draft,
                self.changes,
                self._bracket_total,
                origin=None if self.version else self.origin,  # source lines: previews only
                translations=self.translations,
                site_root=self.site_root,
            )
        return self._page_ctx

    def on_page_markdown(self, markdown, page, config, **kwargs):
        self._source_offset = _front_matter_lines(page, markdown)
        shown = data_shown(markdown)  # before the macros are replaced by what they draw
        markdown = super().on_page_markdown(markdown, page, config, **kwargs)
        if (
            self._page_ctx is not None
            and self._page_ctx.src == page.file.src_uri
            and self._page_ctx.shows_data
        ):
            page.meta["roadmap_data"] = True  # the page shows the illustrative data: it says so
        markdown, _ = brackets.render_markdown(markdown, self.lang)
        if page.file.src_uri in self.fallback_pages:
            guide = self.origin.guide(self.branch, fallback.GUIDE) if self.origin else None
            markdown = fallback.wrap(markdown, self.lang, guide)
        elif (view := views.compare_href(self.lang, page.file.src_uri, page.url)) is not None:
            english = cross_link(page.url, page.url, DEFAULT, self.version)
            markdown = translations.page_notices(
                self.translations, (self.lang, page.file.src_uri), markdown, shown, (english, view)
            )
        return markdown + self._abbreviations

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
            name = src.relative_to(self.project_root).as_posix()
        except ValueError:
            name = src.as_posix()
        return f"{name}:{line + self._source_offset}" if line else name

    def on_page_content(self, html, page, config, files):
        page.meta["roadmap_brackets"] = html.count('class="roadmap-brackets')  # data's too
        if not page.meta.get("description"):  # front matter wins
            page.meta["description"] = description.lead(html) or None
        return html

    def on_page_context(self, context, page, config, nav):
        src = page.file.src_uri
        view, fallback = src.startswith(f"{views.FOLDER}/"), src in self.fallback_pages
        if self.origin is not None:  # Material's edit button
            page.edit_url = self.origin.edit(
                self.branch, views.edited_source(src, self.lang, fallback)
            )
        context["roadmap_alternates"] = not view  # a view is no language version of a page
        url = links.directory_url(src) if self.offline else page.url
        context.update(self._context(url, config, page.url))
        context["roadmap_compare"] = views.compare_href(self.lang, src, page.url)
        if view:
            choices = context["roadmap_languages"]
            context["roadmap_languages"] = views.view_language_links(choices, src, self.version)
        context["roadmap_fallback"] = fallback
        items = drafts.items_shown(page.content or "", self.roadmap)
        cite = drafts.citation(self.draft, self.lang, self.site_root, url, page.title or "", items)
        context["roadmap_cite"] = cite | {"published": self.version is not None}
        return context

    def on_template_context(self, context, template_name, config):
        # Theme templates without a page: the 404 page, served at any depth.
        context.update(self._context(template_name, config))
        return context

    def _context(self, url: str, config, file_url: str | None = None) -> dict:
        site = (config["site_url"], self.site_root)
        return {
            "roadmap_languages": page_language_links(
                (url, file_url or url), self.lang, self.version, site, self.disk
            ),
            "roadmap_draft": drafts.banner(self.draft, self.lang, url, self.published),
            "roadmap_lang": language(self.lang),
            "roadmap_root": self.site_root,  # the language chooser: hreflang x-default
            "roadmap_t": lambda key, **kw: t(self.lang, key, **kw),
        }


def _rendered_only(config) -> frozenset[str] | None:
    """The pages a preview's quick rebuild renders (macros/partial.py); None: all."""
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
