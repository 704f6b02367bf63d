"""The site in Debian's Chromium: language switching, search, right-to-left, print, and no request
to any other host."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from roadmap.i18n import LANGUAGES
from tests.helpers import KNOWN_WORDS, SECTIONS
from tests.visits import desktop


@pytest.fixture
def page(browser, server):
    requests: list[str] = []
    context = desktop(browser, requests, audited=False)
    pg = context.new_page()
    pg.requests = requests
    yield pg
    context.close()


def outside_requests(requests: list[str]) -> list[str]:
    return [
        u
        for u in requests
        if not u.startswith(("data:", "blob:")) and urlsplit(u).hostname != "127.0.0.1"
    ]


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize(
    "start,target",
    [("fr", "ar"), ("ar", "zh"), ("zh", "en"), ("en", "ru"), ("ru", "es"), ("es", "fr")],
)
def test_language_selector_keeps_the_page(page, server, start, target):
    page.goto(f"{server}/{start}/workplan/")
    page.locator(".md-header__option .md-select").hover()
    name = next(lang.name for lang in LANGUAGES if lang.code == target)
    page.locator(f"a.roadmap-lang-link[lang={target}]", has_text=name).click()
    page.wait_for_url(f"{server}/{target}/workplan/")
    assert page.locator("html").get_attribute("lang") == target


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize("code", list(KNOWN_WORDS))
def test_search_finds_a_word_of_the_language(searched, code):
    """A word typed in the search dialog of the language's home page (tests/visits.search)
    finds a page, from the language's own index, with nothing asked of another host."""
    seen = searched(code)
    assert seen.found >= 1
    assert any(u.endswith(f"/{code}/search/search_index.json") for u in seen.requests)
    assert not outside_requests(seen.requests)


@pytest.mark.browser
@pytest.mark.build
def test_the_search_index_waits_until_the_reader_searches(page, server):
    """Nearly half of a first view was the search index, fetched though most readers never
    search: it is asked for when the search field is first reached, not before."""
    page.goto(f"{server}/ar/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in page.requests if u.endswith("search_index.json")]
    page.locator(".md-search__input").click()  # the search field, in a desktop's header
    page.locator(".md-search__input").press_sequentially(KNOWN_WORDS["ar"], delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert [u for u in page.requests if u.endswith("/ar/search/search_index.json")]


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize("code", ["zh", "fr", "ar"])
def test_a_glossary_term_shows_its_definition_on_tap_and_on_focus(browser, server, code):
    """Not on mouse hover only (WCAG 1.4.13): a tap opens it on a phone, the Tab key on a
    desktop, and Escape closes it where the focus stays."""
    from tests.visits import DESKTOP, PHONE

    for device in (PHONE, DESKTOP):
        context = browser.new_context(**device)
        page = context.new_page()
        page.goto(f"{server}/{code}/group/")
        term = page.locator("article abbr").first
        definition = term.get_attribute("title")
        assert definition and term.get_attribute("tabindex") == "0"
        if device is PHONE:
            term.tap()
        else:
            page.locator(".md-content a").first.focus()  # the edit action, above the title
            for _ in range(30):
                page.keyboard.press("Tab")
                if page.evaluate("document.activeElement.tagName") == "ABBR":
                    break
        # The term's own tooltip: the edit action's, focused on the way, may still be fading.
        shown = page.locator(".md-tooltip2--active").filter(has_text=definition.split()[0])
        shown.wait_for()
        assert " ".join(definition.split()) in " ".join(shown.inner_text().split())
        page.keyboard.press("Escape")
        shown.wait_for(state="detached")
        assert page.evaluate("document.activeElement.tagName") == "ABBR"
        context.close()


@pytest.mark.browser
@pytest.mark.build
def test_search_runs_a_query_pasted_without_a_key(page, server):
    """A paste from the context menu fires `input` but no `keyup`, which Material listens to.
    Also on a slow phone (CPU slowed down), where the index is still loading while one types."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 6})
    page.goto(f"{server}/zh/")
    page.keyboard.press("/")
    page.locator(".md-search__input").fill("互操作性")  # sets the value, fires `input` only
    page.locator(".md-search-result__item").first.wait_for(timeout=30000)


@pytest.mark.browser
@pytest.mark.build
def test_arabic_layout_is_right_to_left_with_a_screenshot(page, server, tmp_path_factory):
    page.goto(f"{server}/ar/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    content = page.locator(".md-content").bounding_box()
    nav = page.locator(".md-sidebar--primary").bounding_box()
    assert nav["x"] > content["x"], "the navigation sits on the right in Arabic"
    shot = tmp_path_factory.mktemp("shots") / "ar-home.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000


@pytest.mark.browser
@pytest.mark.visits("desktop")
@pytest.mark.parametrize("section", SECTIONS)
def test_no_request_leaves_localhost(visited, section):
    """Every page and a 404 page, heard in their one visit on a desktop (tests/visits.py)."""
    seen = visited("desktop", section)
    assert len(seen.requests) >= len(seen.urls)  # heard: at least the pages themselves
    assert not outside_requests(seen.requests)


@pytest.mark.browser
@pytest.mark.visits("phone")
@pytest.mark.parametrize("section", SECTIONS)
def test_no_page_scrolls_sideways_on_a_phone(visited, section):
    """Without the script as with it (measured in the visit of each page on a phone,
    tests/visits.py): a page wider than the phone scrolls sideways, and in Arabic a late fix
    by the script would shift the whole page (layout shift)."""
    problems = visited("phone", section).on_phone
    assert not problems, "\n".join(problems)


@pytest.mark.browser
@pytest.mark.visits("desktop")
@pytest.mark.parametrize("section", SECTIONS)
def test_print_view_holds_the_whole_page(visited, section):
    """On paper: nothing runs off the sheet sideways, the header, navigation and footer are
    gone (each page printed in its visit on a desktop, tests/visits.py)."""
    problems = visited("desktop", section).on_paper
    assert not problems, "\n".join(problems)


@pytest.mark.browser
@pytest.mark.build
def test_print_view_holds_the_whole_timeline(page, server):
    page.goto(f"{server}/en/roadmap/")
    page.emulate_media(media="print")
    svg = page.locator(".roadmap-timeline .tl").first.bounding_box()
    main = page.locator(".md-content").bounding_box()
    assert svg["width"] <= main["width"] + 1
    pdf = page.pdf()
    assert len(pdf) > 10_000


TIMELINE_TEXT = """() => {
  const out = [];
  for (const el of document.querySelectorAll('.roadmap-timeline .tl-label, .roadmap-timeline text')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || !el.textContent.trim()) continue;
    const size = parseFloat(style.fontSize);
    const cut = el.tagName === 'SPAN' && el.scrollWidth > el.clientWidth + 1;
    out.push({text: el.textContent.trim().slice(0, 40), size, cut});
  }
  return out;
}"""


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("code", ["en", "ar", "zh"])
def test_timeline_labels_are_legible_and_whole(browser, server, code, width):
    """Labels at 12 px or more at a desk's 1280 px and a phone's 390 px, never cut short."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems = []
    for url in (f"/{code}/roadmap/", f"/{code}/workplan/"):
        page.goto(server + url)
        found = page.evaluate(TIMELINE_TEXT)
        assert len(found) > 10, url
        problems += [f"{url}: {f}" for f in found if f["size"] < 12 or f["cut"] or "…" in f["text"]]
    page.close()
    assert not problems, "\n".join(problems)
