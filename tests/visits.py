"""Each page of the built site visited once for each of the gates that read a visit: on a
desktop, what it asked the network for (test_browser.py), what axe finds in it
(test_accessibility.py) and whether it fits the paper once printed (test_browser.py); on a
phone, how wide it is with and without its script (test_browser.py) and what axe finds that
the layout changes.

The visits are made in a thread of their own, begun as the session begins (``InBackground``):
they take a third of the suite, and run while the tests that need none do."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field

from quality import axe
from roadmap.render.compare_views import FOLDER
from tests.helpers import KNOWN_WORDS, SECTIONS, section_urls

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE_WIDTH = 360  # a small phone: narrower than most, so the strictest for the layout
PHONE = {
    "viewport": {"width": PHONE_WIDTH, "height": 740},
    "is_mobile": True,
    "has_touch": True,
}
LANGUAGE_BUTTON = ".md-header__option .md-select button"  # opens the language menu
DRAFT_BUTTON = ".md-version__current"  # opens the draft menu (a published draft's pages)
# An A4 sheet (210 mm) less Chromium's default margins of about 1 cm, at 96 dots an inch.
PAPER_WIDTH = 718
PRINT_CHECK = """(width) => {
  const clipped = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if ((box.width || box.height) && (box.right > width + 1 || box.left < -1)) {
      clipped.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(box.left)}..${Math.round(box.right)})`);
    }
  }
  const shown = sel => [...document.querySelectorAll(sel)].some(e => e.getClientRects().length);
  return {
    clipped: clipped.slice(0, 5),
    chrome: [".md-header", ".md-sidebar", ".md-footer", ".md-search", ".md-top"].filter(shown),
    content: document.querySelector("article, main")?.getBoundingClientRect().height || 0,
  };
}"""


@dataclass
class Visit:
    urls: list[str]  # the pages visited
    requests: list[str] = field(default_factory=list)  # every URL they asked for
    violations: list[str] = field(default_factory=list)  # "url: axe's finding", for each
    on_phone: list[str] = field(default_factory=list)  # "url: what is wrong on a phone"
    on_paper: list[str] = field(default_factory=list)  # "url: what is wrong once printed"
    found: int = 0  # the search results shown (``search``)


def desktop(browser, requests: list[str], audited: bool = True):
    """A desktop's context, every request it makes heard into ``requests`` (on the context,
    not a page: the search worker's too); axe in each of its pages when ``audited``."""
    context = browser.new_context(**DESKTOP)
    if audited:
        axe.load_in(context)
    context.on("request", lambda r: requests.append(r.url))
    return context


def visit(browser, server: str, site, section: str) -> Visit:
    """Every page of a section and a page that is not there (its 404), on a desktop; each
    page then printed, as its reader prints the page they have open (``printed``).

    What the theme's scripts ask for after a page has loaded (the search index, its worker)
    is the same on every page of a section: heard to the end (network idle for half a second)
    on its first page and its 404 page, not on each; every page's own loads on all."""
    missing = "/no-such-page/" if section == "root" else f"/{section}/no-such-page/"
    seen = Visit(section_urls(site, section) + [missing])
    context = desktop(browser, seen.requests)
    page = context.new_page()
    for url in seen.urls:
        page.goto(server + url)
        if url in (seen.urls[0], missing):
            page.wait_for_load_state("networkidle")
        if url != missing:
            seen.violations += [f"{url}: {v}" for v in axe.violations(page)]
            seen.on_paper += printed(page, url)
    context.close()
    return seen


def printed(page, url: str) -> list[str]:
    """The open page laid out for paper (print media, the sheet's width): nothing runs off the
    sheet sideways, the header, navigation and footer are gone, the content is there. The
    page is then back on the screen it was loaded on."""
    page.set_viewport_size({"width": PAPER_WIDTH, "height": 1000})
    page.emulate_media(media="print")
    found = page.evaluate(PRINT_CHECK, PAPER_WIDTH)
    page.emulate_media(media="null")
    page.set_viewport_size(DESKTOP["viewport"])
    problems = []
    if found["clipped"]:
        problems.append(f"{url}: runs off the paper: {found['clipped']}")
    if found["chrome"]:
        problems.append(f"{url}: printed with {found['chrome']}")
    if found["content"] < 100:
        problems.append(f"{url}: no content printed")
    return problems


def phone_visit(browser, server: str, site, section: str) -> Visit:
    """Every page of a section on a phone: its width (also with the language menu open), the
    size of its text, and axe's rules whose outcome changes with the layout
    (axe.LAYOUT_RULES). All of axe's rules on the home page and the first
    side-by-side view, for what only a phone shows (its drawer, its header): the rest of each
    page is what the desktop visit audits, in the same words and colours. Then each page's
    width without its script: a late fix by the script would shift the page as it loads."""
    seen = Visit(section_urls(site, section))
    views = [url for url in seen.urls if f"/{FOLDER}/" in url]
    whole = {min(seen.urls, key=len), *views[:1]}  # the home page, a view
    context = browser.new_context(**PHONE)
    axe.load_in(context)
    page = context.new_page()
    for url in seen.urls:
        page.goto(server + url)
        seen.on_phone += wider_than_the_phone(page, url, "with script")
        seen.on_phone += text_too_small(page, url)
        found = axe.violations(page, None if url in whole else axe.LAYOUT_RULES)
        seen.violations += [f"{url}: {v}" for v in found]
        if section != "root":  # the root's pages are plain lists of languages, menu-less
            page.locator(LANGUAGE_BUTTON).focus()  # opens the menu, as a tap or Tab does
            seen.on_phone += wider_than_the_phone(page, url, "language menu open")
    context.close()
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    for url in seen.urls:
        page.goto(server + url)
        seen.on_phone += wider_than_the_phone(page, url, "without script")
    context.close()
    return seen


def wider_than_the_phone(page, url: str, how: str) -> list[str]:
    width = page.evaluate("document.documentElement.scrollWidth")
    return [f"{url}: {width}px wide ({how})"] if width > PHONE_WIDTH else []


SMALL_TEXT = """(least) => {
  const small = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || !el.getClientRects().length) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < least) small.add(`${el.tagName.toLowerCase()}.${el.className} ${size.toFixed(1)}px`);
  }
  return [...small];
}"""
LEAST_TEXT = 12  # px: the smallest text a reader is given on a phone


def text_too_small(page, url: str) -> list[str]:
    """Every kind of visible text under 12 px on the phone (sr-only text is 1 px high, clipped,
    and still counted: none is set smaller than the page's)."""
    return [f"{url}: text of {found}" for found in page.evaluate(SMALL_TEXT, LEAST_TEXT)]


def search(browser, server: str, code: str) -> Visit:
    """A language's home page with its search dialog open (Material's "/" shortcut) and a word
    of the language typed key by key: the results found, every URL asked for, and what axe
    finds in the dialog with its results. Read by the search gate and the accessibility gate
    (one visit for both); in the session's Chromium, from the test that asks first."""
    seen = Visit([f"/{code}/"])
    context = desktop(browser, seen.requests)
    page = context.new_page()
    page.goto(f"{server}/{code}/")
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially(KNOWN_WORDS[code], delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    seen.found = results.count()
    seen.violations = axe.violations(page)
    context.close()
    return seen


KINDS: dict[str, Callable[..., Visit]] = {
    "desktop": visit,
    "phone": phone_visit,
}


def wanted(items: Iterable) -> list[tuple[str, str]]:
    """(kind, section) of every visit the selected tests read, section after section: a test
    says which kinds with ``@pytest.mark.visits(kind, ...)``, and which section with its
    ``section`` parameter."""
    found = set()
    for item in items:
        marker = item.get_closest_marker("visits")
        if marker is not None:
            found.update((kind, item.callspec.params["section"]) for kind in marker.args)
    return sorted(found, key=lambda w: (SECTIONS.index(w[1]), list(KINDS).index(w[0])))


# A gate's page lives a second or two, and axe runs once in it: V8's optimising compilers
# (Maglev, TurboFan) and its parallel garbage collector spent CPU on other threads for code
# that does not run long enough to repay it (the browser gates: 10% less CPU, measured in
# alternate runs). What the gates read (layout, styles, the DOM) does not depend on them.
JS_FLAGS = "--js-flags=--no-opt --no-maglev --single-threaded-gc"


def launch(playwright, *args: str):
    """Debian's Chromium, as every browser gate uses it."""
    from quality.tools import CHROMIUM_FLAGS, chromium

    return playwright.chromium.launch(
        executable_path=chromium(),
        args=[*CHROMIUM_FLAGS, "--disable-background-networking", JS_FLAGS, *args],
    )


class InBackground:
    """The visits ``wanted``, made one after another in a thread of their own, in a Chromium
    of their own: Playwright's objects belong to the thread that made them, and a second
    Playwright attached to the session's Chromium resets the emulation of the first's pages
    (microsoft/playwright#24109: a page meant to be printed was measured on screen).
    ``result`` waits for one."""

    def __init__(self, server: str, site, wanted: list[tuple[str, str]]) -> None:
        self._futures: dict[tuple[str, str], Future[Visit]] = {w: Future() for w in wanted}
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(server, site))
        self._thread.start()

    def _run(self, server: str, site) -> None:
        from playwright.sync_api import sync_playwright

        try:
            with sync_playwright() as p:
                browser = launch(p)
                for (kind, section), future in self._futures.items():
                    if self._stopping.is_set():
                        break
                    try:
                        future.set_result(KINDS[kind](browser, server, site, section))
                    except Exception as error:  # its test reports it; the others go on
                        future.set_exception(error)
                browser.close()
        except Exception as error:  # no browser: each test that reads a visit reports it
            for future in self._futures.values():
                if not future.done():
                    future.set_exception(error)
        for future in self._futures.values():
            future.cancel()  # when stopped early: nothing waits on them any more

    def result(self, kind: str, section: str) -> Visit:
        if (kind, section) not in self._futures:
            raise LookupError(
                f"no {kind} visit of section {section!r} was made: the test reading it "
                f"declares @pytest.mark.visits({kind!r}) and a 'section' parameter"
            )
        return self._futures[kind, section].result()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join()
