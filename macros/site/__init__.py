"""The site around the language builds: the root language chooser and the root 404 page."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..i18n import LANGUAGES, t


def _env() -> Environment:
    return Environment(loader=PackageLoader("macros.site", "templates"), undefined=StrictUndefined,
                       autoescape=select_autoescape(default=True, default_for_string=True))


def write_root(site_dir: Path) -> None:
    """site/index.html (a chooser that needs no script) and site/404.html."""
    entries = [{"lang": lang, "href": f"{lang.code}/", "t": lambda k, c=lang.code: t(c, k)}
               for lang in LANGUAGES]
    env = _env()
    (site_dir / "index.html").write_text(env.get_template("chooser.html").render(entries=entries),
                                         encoding="utf-8")
    not_found = [{**e, "href": "/" + e["href"]} for e in entries]
    (site_dir / "404.html").write_text(env.get_template("404.html").render(entries=not_found),
                                       encoding="utf-8")
