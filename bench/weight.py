"""What a reader downloads for the first view of a page: measured in Debian's Chromium, listening
to every response the page (and its search worker) receives until the network is idle, with an
empty cache. Bytes are counted as they crossed the wire (bodies gzipped by the server, as a
static host sends them) and as they are once decoded."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

KINDS = ("html", "css", "js", "images", "search index", "other")


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
