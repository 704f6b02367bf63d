"""What an edit makes the preview render again first: some pages of some languages, or all.

A page edited in place changes that page, its side-by-side view, the translation status and
the changes page, in its language (in every language for an English page, which the others
show beside theirs or in place of a missing translation). A data text edited may show on any
page: every page of every language, but the side-by-side views (half the pages), which the full
build that follows brings up to date. Anything else (configuration, templates, interface
strings, a page added or deleted) changes what any page may show: all is built.
"""

from __future__ import annotations

from pathlib import Path

from ..i18n import CODES, DEFAULT
from ..render.compare_views import compare_url

FOLLOWERS = ("translations.md", "changes.md")  # pages that show something of every page

Plan = dict[str, frozenset[str]]  # language -> page sources to render again


def quick_plan(changed: list[Path], root: Path, site_dir: Path) -> Plan | None:
    """The pages to render again for ``changed``, or None when a full build is needed."""
    plan: dict[str, set[str]] = {}
    for path in changed:
        if _is_data(path, root):
            pages = _english_pages(root)
            for code in CODES:
                if not all(_built(site_dir / code, page) for page in pages):
                    return None
                plan.setdefault(code, set()).update(pages)
            continue
        src = _page_source(path, root)
        if src is None:
            return None
        lang, page = src
        for code in CODES if lang == DEFAULT else (lang,):
            if not _built(site_dir / code, page):  # a new page: the navigation changes
                return None
            plan.setdefault(code, set()).update((page, f"{compare_url(page)}index.md"))
    return {code: frozenset(pages | set(FOLLOWERS)) for code, pages in plan.items()}


def _is_data(path: Path, root: Path) -> bool:
    return path.suffix == ".yml" and path.parent.resolve() == (root / "data").resolve()


def _english_pages(root: Path) -> list[str]:
    """Every page of the site: a language without a page shows the English one."""
    english = root / "docs" / DEFAULT
    return sorted(p.relative_to(english).as_posix() for p in english.rglob("*.md"))


def _page_source(path: Path, root: Path) -> tuple[str, str] | None:
    """(language, page source) of an existing page under docs/<lang>/; None for anything else."""
    try:
        parts = path.resolve().relative_to(root.resolve()).parts
    except ValueError:
        return None
    if len(parts) < 3 or parts[0] != "docs" or parts[1] not in CODES:
        return None
    if path.suffix != ".md" or not path.is_file():
        return None
    return parts[1], "/".join(parts[2:])


def _built(lang_site: Path, page: str) -> bool:
    stem = page.removesuffix(".md")
    html = "index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html"
    return (lang_site / html).is_file()


def shown(plan: Plan, addresses: list[str]) -> Plan:
    """The part of ``plan`` that browsers show now (``addresses``: /fr/group/, /fr/)."""
    out: dict[str, set[str]] = {}
    for address in addresses:
        lang, _, rest = address.strip("/").partition("/")
        rest = f"{rest}/" if rest else ""
        for src in (f"{rest}index.md", f"{rest.rstrip('/')}.md"):
            if src in plan.get(lang, ()):
                out.setdefault(lang, set()).add(src)
    return {lang: frozenset(pages) for lang, pages in out.items()}
