"""Each page of the built site visited once on a desktop, for the gates that read a visit: what
it asked the network for (test_browser.py) and what axe finds in it (test_accessibility.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from quality.axe import violations
from tests.helpers import section_urls

DESKTOP = {"viewport": {"width": 1280, "height": 900}}


@dataclass
class Visit:
    urls: list[str]  # the section's pages, then a page that is not there (its 404)
    requests: list[str] = field(default_factory=list)  # every URL they asked for
    violations: list[str] = field(default_factory=list)  # "url: axe's finding", for each


def visit(browser, server: str, site, section: str) -> Visit:
    """What the theme's scripts ask for after a page has loaded (the search index, its worker)
    is the same on every page of a section: heard to the end (network idle for half a second)
    on its first page and its 404 page, not on each; every page's own loads on all."""
    missing = "/no-such-page/" if section == "root" else f"/{section}/no-such-page/"
    seen = Visit(section_urls(site, section) + [missing])
    context = browser.new_context(**DESKTOP)
    context.on("request", lambda r: seen.requests.append(r.url))  # the search worker's too
    page = context.new_page()
    for url in seen.urls:
        page.goto(server + url)
        if url in (seen.urls[0], missing):
            page.wait_for_load_state("networkidle")
        if url != missing:
            seen.violations += [f"{url}: {v}" for v in violations(page)]
    context.close()
    return seen
