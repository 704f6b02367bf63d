"""The site in Debian's Chromium: language switching, search, right-to-left, no outside requests."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from macros.i18n import LANGUAGES

SEARCH_WORDS = {"en": "interoperability", "zh": "互操作性", "ar": "التشغيل", "fr": "interopérabilité"}


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.requests = requests
    yield pg
    context.close()


@pytest.mark.parametrize("start,target", [("fr", "ar"), ("ar", "zh"), ("zh", "en")])
def test_language_selector_keeps_the_page(page, server, start, target):
    page.goto(f"{server}/{start}/workplan/")
    page.locator(".md-header__option .md-select").hover()
    name = next(lang.name for lang in LANGUAGES if lang.code == target)
    page.locator(f"a.roadmap-lang-link[lang={target}]", has_text=name).click()
    page.wait_for_url(f"{server}/{target}/workplan/")
    assert page.locator("html").get_attribute("lang") == target


@pytest.mark.parametrize("code", list(SEARCH_WORDS))
def test_search_finds_a_word_of_the_language(page, server, code):
    page.goto(f"{server}/{code}/")
    page.keyboard.press("/")  # Material's shortcut opens the search dialog
    page.locator(".md-search__input").press_sequentially(SEARCH_WORDS[code], delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert results.count() >= 1


def test_search_runs_a_query_pasted_without_a_key(page, server):
    """A paste from the context menu fires `input` but no `keyup`, which Material listens to.
    Also on a slow phone (CPU slowed down), where the index is still loading while one types."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 6})
    page.goto(f"{server}/zh/")
    page.keyboard.press("/")
    page.locator(".md-search__input").fill("互操作性")  # sets the value, fires `input` only
    page.locator(".md-search-result__item").first.wait_for(timeout=30000)


def test_arabic_layout_is_right_to_left_with_a_screenshot(page, server, tmp_path_factory):
    page.goto(f"{server}/ar/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    content = page.locator(".md-content").bounding_box()
    nav = page.locator(".md-sidebar--primary").bounding_box()
    assert nav["x"] > content["x"], "the navigation sits on the right in Arabic"
    shot = tmp_path_factory.mktemp("shots") / "ar-home.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000


@pytest.mark.parametrize("path", ["/", "/en/", "/ar/roadmap/", "/zh/workplan/", "/ru/resources/",
                                  "/es/glossary/", "/fr/group/", "/fr/no-such-page/"])
def test_no_request_leaves_localhost(page, server, path):
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    hosts = {urlsplit(u).hostname for u in page.requests if not u.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, page.requests


def test_print_view_holds_the_whole_timeline(page, server):
    page.goto(f"{server}/en/roadmap/")
    page.emulate_media(media="print")
    svg = page.locator(".roadmap-timeline__svg").first.bounding_box()
    main = page.locator(".md-content").bounding_box()
    assert svg["width"] <= main["width"] + 1
    pdf = page.pdf()
    assert len(pdf) > 10_000
