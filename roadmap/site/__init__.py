"""The site around the language builds: the root language chooser, the root 404 page and, on
the published branch, the redirects from /<lang>/ (and every `latest` page) to the newest draft."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..i18n import DEFAULT, LANGUAGES, language, t


def _env() -> Environment:
    return Environment(
        loader=PackageLoader("roadmap.site", "templates"),
        undefined=StrictUndefined,
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


def root_files(base_path: str = "/") -> dict[str, str]:
    """index.html (a chooser that needs no script) and 404.html, which is served at any depth
    and so links with absolute paths under ``base_path`` (the site's path on its host)."""
    entries = _entries("")
    env = _env()
    not_found = [{**e, "href": base_path.rstrip("/") + "/" + e["href"]} for e in entries]
    return {
        "index.html": _chooser(entries),
        "404.html": env.get_template("404.html").render(
            entries=not_found,
            heading="notfound.title",
            caption="notfound.home",
            lang=DEFAULT,
            title=t(DEFAULT, "notfound.title"),
        ),
    }


def disk_chooser(codes: list[str]) -> str:
    """index.html of a preview read from disk: each language's folder by its file name."""
    return _chooser(_entries("index.html", codes))


def _entries(page: str, codes: list[str] | None = None) -> list[dict[str, Any]]:
    """Each language (of ``codes``, or all), linked to ``page`` in its folder."""
    return [
        {"lang": lang, "href": f"{lang.code}/{page}", "t": lambda k, c=lang.code: t(c, k)}
        for lang in LANGUAGES
        if codes is None or lang.code in codes
    ]


def _chooser(entries: list[dict[str, Any]]) -> str:
    """The page that chooses a language among ``entries``; in the source language (<html
    lang>), its title and description too."""
    return (
        _env()
        .get_template("chooser.html")
        .render(
            entries=entries,
            heading="language.chooser_intro",
            caption="language.chooser_title",
            lang=DEFAULT,
            description=t(DEFAULT, "language.chooser_title"),
        )
    )


# The one file of the published site that says which draft is the newest (so that older drafts,
# never rewritten, show a notice without script): linked from every page of every draft.
NEWEST_CSS = "newest-draft.css"


def newest_css(draft_id: str) -> dict[str, str]:
    """The root stylesheet naming ``draft_id`` the newest draft, to commit with the root pages."""
    return {NEWEST_CSS: _env().get_template(NEWEST_CSS).render(newest=draft_id)}


def write_root(site_dir: Path, base_path: str = "/") -> None:
    for name, text in root_files(base_path).items():
        (site_dir / name).write_text(text, encoding="utf-8")


def redirect_template(code: str) -> str:
    """mike's redirect page, in a language: mike fills in ``{{ href }}`` for each page."""
    lang = language(code)
    page = (
        _env()
        .get_template("redirect.html")
        .render(
            lang=lang, title=t(code, "redirect.title"), body=t(code, "redirect.body"), href="@HREF@"
        )
    )
    return page.replace("@HREF@", "{{ href }}")
