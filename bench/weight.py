"""What a reader downloads for the first view of a page: measured in Debian's Chromium, listening
to every response the page (and its search worker) receives until the network is idle, with an
empty cache. Bytes are counted as they crossed the wire (bodies gzipped by the server, as a
static host sends them) and as they are once decoded."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("html", "css", "js", "images", "search index", "other")
BUDGET = 120_000  # bytes over the wire for the first view of any page, in any language


def kind_of(request) -> str:
    path = request.url.split("?", 1)[0]
    if path.endswith("search_index.json"):
        return "search index"
    if request.resource_type == "image" or path.endswith((".png", ".svg", ".ico", ".jpg", ".webp")):
        return "images"  # the favicon too, which Chromium files under "other"
    if request.resource_type == "script" or path.endswith(".js"):
        return "js"  # the search worker too
    return {"document": "html", "stylesheet": "css"}.get(request.resource_type, "other")


@dataclass
class Weight:
    wire: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    decoded: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    requests: int = 0

    @property
    def wire_total(self) -> int:
        return sum(self.wire.values())

    @property
    def decoded_total(self) -> int:
        return sum(self.decoded.values())


def first_view(browser, url: str) -> Weight:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # a new, empty cache
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    weight = Weight()
    for request in finished:
        if request.url.startswith("data:"):
            continue  # inside a stylesheet: already counted with it
        sizes = request.sizes()
        response = request.response()
        kind = kind_of(request)
        weight.requests += 1
        weight.wire[kind] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        weight.decoded[kind] += len(response.body()) if response else 0
    context.close()
    return weight


def page_kinds(site_lang: Path) -> list[tuple[str, str]]:
    """(kind, path under the language) of every kind of page of a language's built site."""
    kinds = []
    for path in sorted(site_lang.rglob("*.html")):  # every kind of page, found on disk
        rel = path.relative_to(site_lang).as_posix().removesuffix("index.html")
        if rel == "404.html":
            kinds.append(("404", "no-such-page/"))
        elif not rel.startswith("compare/") or rel == "compare/roadmap/":  # one view stands for all
            kinds.append((rel.strip("/") or "home", rel))
    return kinds


def budget_table(browser, base: str, site: Path, codes: list[str]) -> list[str]:
    """Lines of a table: kB over the wire of the first view of each kind of page in each
    language, each marked against BUDGET; a language without the page (the side-by-side
    views are not in English) has '-'."""
    lines = [f"  {'page':22} " + " ".join(f"{c:>7}" for c in codes)]
    over = 0
    kinds = dict.fromkeys(k for code in codes for k in page_kinds(site / code))
    for kind, rel in sorted(kinds):
        cells = []
        for code in codes:
            if not rel.endswith("no-such-page/") and not (site / code / rel).exists():
                cells.append(f"{'-':>7}")
                continue
            total = first_view(browser, f"{base}/{code}/{rel}").wire_total
            over += total > BUDGET
            cells.append(f"{total / 1000:6.1f}" + ("!" if total > BUDGET else " "))
        lines.append(f"  {kind:22} " + " ".join(cells))
    lines.append(
        f"  budget {BUDGET / 1000:.0f} kB: "
        + (f"{over} first views OVER (marked !)" if over else "every first view within it")
    )
    return lines
