"""Each page of the built site visited once on a desktop and once on a phone, for the gates
that read a visit: on a desktop, what it asked the network for (test_browser.py) and what axe
finds in it (test_accessibility.py); on a phone, how wide it is (test_browser.py) and what axe
finds."""

from __future__ import annotations

from dataclasses import dataclass, field

from quality import axe
from roadmap.translations.views import FOLDER
from tests.helpers import section_urls

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE_WIDTH = 360  # a small phone: narrower than most, so the strictest for the layout
PHONE = {
    "viewport": {"width": PHONE_WIDTH, "height": 740},
    "is_mobile": True,
    "has_touch": True,
}


@dataclass
class Visit:
    urls: list[str]  # the pages visited
    requests: list[str] = field(default_factory=list)  # every URL they asked for
    violations: list[str] = field(default_factory=list)  # "url: axe's finding", for each
    wide: list[str] = field(default_factory=list)  # "url: its width", wider than the screen


def visit(browser, server: str, site, section: str) -> Visit:
    """Every page of a section and a page that is not there (its 404), on a desktop.

    What the theme's scripts ask for after a page has loaded (the search index, its worker)
    is the same on every page of a section: heard to the end (network idle for half a second)
    on its first page and its 404 page, not on each; every page's own loads on all."""
    missing = "/no-such-page/" if section == "root" else f"/{section}/no-such-page/"
    seen = Visit(section_urls(site, section) + [missing])
    context = browser.new_context(**DESKTOP)
    axe.load_in(context)
    context.on("request", lambda r: seen.requests.append(r.url))  # the search worker's too
    page = context.new_page()
    for url in seen.urls:
        page.goto(server + url)
        if url in (seen.urls[0], missing):
            page.wait_for_load_state("networkidle")
        if url != missing:
            seen.violations += [f"{url}: {v}" for v in axe.violations(page)]
    context.close()
    return seen


def phone_visit(browser, server: str, site, section: str) -> Visit:
    """Every page of a section on a phone: its width, and axe's findings on every page but
    the side-by-side views after the first (one template; each is measured for width)."""
    seen = Visit(section_urls(site, section))
    views = [url for url in seen.urls if f"/{FOLDER}/" in url]
    context = browser.new_context(**PHONE)
    axe.load_in(context)
    page = context.new_page()
    for url in seen.urls:
        page.goto(server + url)
        seen.wide += wider_than_the_phone(page, url)
        if url not in views[1:]:
            seen.violations += [f"{url}: {v}" for v in axe.violations(page)]
    context.close()
    return seen


def wider_than_the_phone(page, url: str) -> list[str]:
    width = page.evaluate("document.documentElement.scrollWidth")
    return [f"{url}: {width}px wide"] if width > PHONE_WIDTH else []
