"""The live preview of `roadmap serve`, in Chromium: edits appear without reloading by hand,
mistakes appear over the last good page until they are fixed, and no built page carries it."""

from __future__ import annotations

import json
import shutil
import time
import urllib.request
from pathlib import Path

import pytest

from roadmap.i18n import CODES
from roadmap.preview.plan import FOLLOWERS, quick_plan
from tests.conftest import copy_project
from tests.helpers import ROOT, edit

LIVE_PATH = "/.roadmap/live"


@pytest.fixture(scope="module")
def preview(tmp_path_factory, site):
    """`roadmap serve` on a copy of the project, which the tests edit, serving a copy of the
    session's site (built once): only what the tests edit is rebuilt."""
    from quality.serving import roadmap_serve

    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    shutil.copytree(site, project / "site")
    with roadmap_serve("--no-build", project=project, ready="/fr/") as (base, _):
        yield project, base


def _open(browser, url: str):
    page = browser.new_page()
    page.goto(url)
    page.wait_for_function(
        "() => window.performance.getEntriesByType('resource')"
        ".some(e => e.name.includes('/.roadmap/live'))"
    )
    page.evaluate("() => { window.__notReloaded = true; }")  # gone once the page reloads
    return page


@pytest.mark.browser
@pytest.mark.build
def test_an_edit_appears_in_the_open_page_by_itself(browser, preview):
    project, base = preview
    page = _open(browser, f"{base}/fr/group/")
    started = time.monotonic()
    edit(project / "docs/fr/group.md", "\n## ", "\nUne phrase ajoutée pour l'aperçu.\n\n## ")
    page.wait_for_function(
        "() => document.body?.innerText.includes('ajoutée pour l')", timeout=15000
    )
    print(f"edit of docs/fr/group.md in the browser after {time.monotonic() - started:.2f} s")
    assert page.evaluate("() => window.__notReloaded === undefined")  # the page reloaded itself
    quick = _nav(page)  # rendered alone: the other pages were only read, for their titles
    page.goto(f"{base}/fr/cite/")  # a page of the last full build
    assert quick == _nav(page) and len(quick) > 5, quick
    page.close()
    # Once the edits pause, the language is built whole: the search index finds the edit.
    deadline = time.monotonic() + 60
    while "ajoutée pour l" not in _indexed(f"{base}/fr/search/search_index.json"):
        assert time.monotonic() < deadline, "the search index was never built again"
        time.sleep(0.5)


def _nav(page) -> list[str]:
    """The titles in the site's navigation, as the page shows them."""
    return page.eval_on_selector_all(
        "nav.md-nav--primary > ul > li > a.md-nav__link",
        "links => links.map(a => a.textContent.trim())",
    )


def _fetch(url: str) -> str:
    return urllib.request.urlopen(url, timeout=10).read().decode()


def _indexed(url: str) -> str:
    """The text of every entry of a search index."""
    return " ".join(doc["text"] for doc in json.loads(_fetch(url))["docs"])


def _generation(base: str) -> int:
    return json.loads(_fetch(f"{base}{LIVE_PATH}?since=-1"))["generation"]


@pytest.mark.build
def test_reading_the_sources_starts_no_rebuild(preview):
    """Watchdog reports files being read too; a build reads every source, so a rebuild on
    those would start another one, without end."""
    project, base = preview
    before = _generation(base)
    time.sleep(2)
    while (now := _generation(base)) != before:  # the edits of other tests, settling
        before = now
        time.sleep(2)
    for path in [*project.glob("data/*.yml"), *project.glob("docs/*/*.md")]:
        path.read_bytes()
    time.sleep(3)
    assert _generation(base) == before


def test_an_edit_renders_again_the_pages_that_show_it(tmp_path):
    """A page of one language: it, its side-by-side view, the status and changes pages; an
    English page: the same in every language; a data text: every page but the views; anything
    else, or a page the site lacks (the navigation changes): a full build."""
    site = tmp_path / "site"
    pages = sorted(
        p.relative_to(ROOT / "docs/en").as_posix() for p in (ROOT / "docs/en").glob("*.md")
    )
    for code in CODES:
        for page in pages:
            html = site / code / ("index.html" if page == "index.md" else f"{page[:-3]}/index.html")
            html.parent.mkdir(parents=True, exist_ok=True)
            html.write_text("built", encoding="utf-8")
    fr = quick_plan([ROOT / "docs/fr/group.md"], ROOT, site)
    assert fr == {"fr": frozenset({"group.md", "compare/group/index.md", *FOLLOWERS})}
    en = quick_plan([ROOT / "docs/en/index.md"], ROOT, site)
    assert en is not None and set(en) == set(CODES) and "index.md" in en["ar"]
    data = quick_plan([ROOT / "data/phases.yml"], ROOT, site)
    assert data == {code: frozenset(pages) for code in CODES}
    assert quick_plan([ROOT / "mkdocs.yml"], ROOT, site) is None
    assert quick_plan([ROOT / "docs/fr/no-such-page.md"], ROOT, site) is None
    (site / "fr/roadmap/index.html").unlink()  # a page not built yet: its navigation changes
    assert quick_plan([ROOT / "docs/fr/roadmap.md"], ROOT, site) is None
    assert quick_plan([ROOT / "data/phases.yml"], ROOT, site) is None


@pytest.mark.browser
@pytest.mark.build
def test_a_mistake_is_shown_over_the_last_good_page_until_fixed(browser, preview):
    project, base = preview
    page = _open(browser, f"{base}/fr/roadmap/")
    source = project / "docs/fr/roadmap.md"
    good = source.read_text(encoding="utf-8")
    line = good.count("\n", 0, good.index("\n## ")) + 2  # the new line's number
    edit(source, "\n## ", '\n{{ ref("A9.9") }}\n\n## ')
    overlay = page.locator("#roadmap-live-problems")
    overlay.wait_for(timeout=15000)
    text = overlay.inner_text()
    assert f"docs/fr/roadmap.md:{line}" in text and "A9.9" in text, text
    assert page.locator("h1").first.is_visible()  # the last good page stays readable
    assert page.evaluate("() => window.__notReloaded === true")
    source.write_text(good, encoding="utf-8")
    page.wait_for_function("() => window.__notReloaded === undefined", timeout=15000)
    assert page.locator("#roadmap-live-problems").count() == 0
    page.close()


@pytest.mark.build
def test_the_built_site_has_no_live_reload(site):
    """The script is added by the preview server to what it sends, never written into a page."""
    carriers = [
        p
        for p in Path(site).rglob("*")
        if p.is_file() and p.suffix in (".html", ".js") and LIVE_PATH.encode() in p.read_bytes()
    ]
    assert carriers == []
