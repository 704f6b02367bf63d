"""One language's build of a draft, as the site engine's hooks hand its pages over.

Everything a page of the build needs is here, made from the ``Build`` value and the data
loaded once (``Inputs``): the adapter (macros/plugin.py) only translates the engine's events
into these calls and writes their answers where the engine wants them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import drafts
from ..build_spec import Build, Inputs
from ..i18n import DEFAULT, language, t
from ..project import missing_pages
from . import (
    bracket_marks,
    changes,
    citation,
    compare_views,
    description,
    fallback,
    glossary,
    translations,
)
from .catalogue import PageContext, Shown
from .language_links import cross_link, page_language_links
from .links import Origin, directory_url


@dataclass(frozen=True)
class Site:
    """Where the build's pages live: the site's root (no language or draft), this language's
    address, and the repository its sources are read and edited in."""

    root: str
    language: str
    origin: Origin | None = None
    branch: str = "main"


@dataclass
class LanguageBuild:
    build: Build
    lang: str
    loaded: Inputs
    site: Site
    comparison: changes.Comparison | None = None  # with the previous draft
    abbreviations: str = ""  # the glossary's, appended to every page
    fallback_pages: set[str] = field(default_factory=set)  # shown in English, untranslated
    bracket_total: int = 0
    _page: PageContext | None = None

    @classmethod
    def open(cls, build: Build, lang: str, loaded: Inputs, config: dict) -> LanguageBuild:
        """``config``: the engine's settings this build reads (site_url, extra, nav)."""
        root = drafts.site_root(build.site_url or config.get("site_url"), lang, build.draft)
        repository = (config.get("extra") or {}).get("repository") or {}
        branch = repository.get("branch", "main")
        # Items link to their data line: in a published draft, at the commit it was published from.
        url = repository.get("url")
        origin = Origin(url, loaded.commit or branch) if url else None
        address = root + f"{lang}/" + (f"{build.draft}/" if build.draft else "")
        nav = [item for item in config.get("nav") or [] if isinstance(item, str)]
        return cls(
            build,
            lang,
            loaded,
            Site(root, address, origin, branch),
            changes.comparison(loaded.pair, lang, nav),
            glossary.abbreviations(loaded.roadmap, lang),
        )

    @property
    def source_docs(self) -> Path:
        return self.build.root / "docs" / DEFAULT

    @property
    def disk(self) -> str:
        """ "" online; an offline copy of one language ("alone") or beside the others."""
        if not self.build.offline:
            return ""
        return "side-by-side" if self.build.side_by_side else "alone"

    def missing(self, docs_dir: Path) -> list[str]:
        """The English pages this language has no translation of: shown in English."""
        found = missing_pages(docs_dir, self.source_docs)
        self.fallback_pages.update(found)
        return found

    def count_brackets(self, pages: list[str]) -> None:
        """The bracketed passages of the whole draft in this language (``pages``: Markdown)."""
        found = sum(bracket_marks.count_markdown(text) for text in pages)
        self.bracket_total = found + bracket_marks.count_data(self.loaded.roadmap, self.lang)

    def views(self, docs_dir: Path, only: frozenset[str] | None) -> dict[str, str]:
        """The side-by-side views of this language's pages (none for English): URI -> page."""
        if self.lang == DEFAULT:
            return {}
        docs = (self.source_docs, docs_dir)
        status = self.loaded.translations
        return compare_views.compare_pages(status, self.lang, docs, self.build.draft, only)

    def page_context(self, src: str) -> PageContext:
        """The page being rendered, as the macros of ``render.catalogue`` see it."""
        if self._page is None or self._page.src != src:
            self._page = PageContext(
                self.loaded.roadmap,
                self.lang,
                src,
                self.loaded.draft,
                self.comparison,
                self.bracket_total,
                origin=None if self.build.draft else self.site.origin,  # source lines: previews
                translations=self.loaded.translations,
                site_root=self.site.root,
                build=self.build,
            )
        return self._page

    def shows_data(self, src: str) -> bool:
        """Whether a macro of the page drew the (illustrative) data: the page says so."""
        return self._page is not None and self._page.src == src and self._page.shows_data

    def after_macros(self, src: str, url: str, markdown: str, shown: Shown) -> str:
        """A page's Markdown once its macros are replaced: brackets marked, an untranslated
        page wrapped in its notice, a translated one given its translations' notices."""
        markdown, _ = bracket_marks.render_markdown(markdown, self.lang)
        if src in self.fallback_pages:
            origin = self.site.origin
            guide = origin.guide(self.site.branch, fallback.GUIDE) if origin else None
            markdown = fallback.wrap(markdown, self.lang, guide)
        elif (view := compare_views.compare_href(self.lang, src, url)) is not None:
            english = cross_link(url, url, DEFAULT, self.build.draft)
            markdown = translations.page_notices(
                self.loaded.translations, (self.lang, src), markdown, shown, (english, view)
            )
        return markdown + self.abbreviations

    def page_meta(self, html: str, meta: dict) -> None:
        """What the theme reads of a rendered page: its bracket count, its description."""
        meta["roadmap_brackets"] = html.count('class="roadmap-brackets')  # the data's too
        if not meta.get("description"):  # front matter wins
            meta["description"] = description.lead(html) or None

    def edit_url(self, src: str) -> str | None:
        """The web editor of the file a page is made from (Material's edit button)."""
        origin = self.site.origin
        if origin is None:
            return None
        shown = compare_views.edited_source(src, self.lang, src in self.fallback_pages)
        return origin.edit(self.site.branch, shown)

    def page_theme(self, src: str, url: str, title: str, content: str) -> dict:
        """The theme's variables of a page (``url``: the engine's, a file's offline)."""
        view = src.startswith(f"{compare_views.FOLDER}/")
        address = directory_url(src) if self.build.offline else url
        found = self.theme(address, url)
        found["roadmap_alternates"] = not view  # a view is no language version of a page
        found["roadmap_compare"] = compare_views.compare_href(self.lang, src, url)
        if view:
            choices = found["roadmap_languages"]
            found["roadmap_languages"] = compare_views.view_language_links(
                choices, src, self.build.draft
            )
        found["roadmap_fallback"] = src in self.fallback_pages
        draft, root = self.loaded.draft, self.site.root
        items = citation.items_shown(content, self.loaded.roadmap)
        cite = citation.citation(draft, self.lang, root, address, title, items)
        found["roadmap_cite"] = cite | {"published": self.build.draft is not None}
        return found

    def theme(self, url: str, file_url: str | None = None) -> dict:
        """The theme's variables of any template (the 404 page has no page of its own)."""
        site = (self.site.language, self.site.root)
        urls = (url, file_url or url)
        draft = self.build.draft
        return {
            "roadmap_languages": page_language_links(urls, self.lang, draft, site, self.disk),
            "roadmap_draft": citation.banner(
                self.loaded.draft, self.lang, url, self.build.published
            ),
            "roadmap_lang": language(self.lang),
            "roadmap_root": self.site.root,  # the language chooser: hreflang x-default
            "roadmap_t": lambda key, **kw: t(self.lang, key, **kw),
        }
