"""The built site against its data and across languages."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from decimal import Decimal

import pytest

from roadmap.i18n import CODES, t
from roadmap.i18n.formatting import format_money
from roadmap.model import load_roadmap
from roadmap.preview.server import affected_languages
from tests.helpers import ROOT, pages, read


@pytest.mark.build
def test_every_item_has_its_anchor_in_every_language(site):
    roadmap = load_roadmap(ROOT / "data")
    expected = {
        "roadmap": [p.id for p in roadmap.phases]
        + [i.id for p in roadmap.phases for i in p.objectives + p.milestones + p.deliverables]
        + [e.id for e in roadmap.events],
        "workplan": [a.id for a in roadmap.activities],
        "resources": [r.id for r in roadmap.resources],
        "glossary": [term.id for term in roadmap.terms],
    }
    for code in CODES:
        for page, ids in expected.items():
            present = read(site / code / page / "index.html").ids()
            assert set(ids) <= present, (code, page, set(ids) - present)


@pytest.mark.build
def test_timeline_drawn_as_svg_with_its_caption_in_every_language(site):
    for code in CODES:
        html = (site / code / "roadmap" / "index.html").read_text(encoding="utf-8")
        title = t(code, "timeline.title").replace("'", "&#39;")
        assert f'<figcaption id="timeline-caption">{title}</figcaption>' in html
        assert len(re.findall(r'<svg class="tl-track"', html)) > 5  # the bars: SVG, no script


@pytest.mark.build
def test_each_timeline_row_uses_the_grid_its_chart_draws_once(site):
    for code in CODES:
        for page in ("roadmap", "workplan"):
            html = (site / code / page / "index.html").read_text(encoding="utf-8")
            used = re.findall(r'<use href="#([^"]+)"', html)
            rows = len(re.findall(r'<svg class="tl-track" width', html))
            assert len(used) == 2 * rows and rows > 5, (code, page)
            ids = read(site / code / page / "index.html").ids()
            assert set(used) <= ids, (code, page, set(used) - ids)
            axis = len(re.findall(r'<line [^>]*y2="36"', html))  # a line a month on the axis
            assert html.count("<line ") == 2 * axis, (code, page)  # and once more, for the rows


@pytest.mark.build
def test_resource_totals_add_up(site):
    """Each phase's own totals; across phases one-off costs add up, and an annual cost is the
    busiest phase's (phases follow one another: their teams are never paid at once)."""
    roadmap = load_roadmap(ROOT / "data")

    def usd(recurrence: str, phase: str | None = None) -> Decimal:
        return sum(
            (
                Decimal(str(r.amount))
                for r in roadmap.resources
                if r.amount is not None
                and r.recurrence == recurrence
                and r.currency == "USD"
                and phase in (None, r.phase)
            ),
            Decimal(0),
        )

    peak = max(usd("annual", p.id) for p in roadmap.phases)
    for code in ("en", "fr", "zh", "ar"):
        html = read(site / code / "resources" / "index.html").text
        expected = [
            t(code, "total.one-off", amount=format_money(usd("one-off"), "USD", code)),
            t(code, "total.annual_peak", amount=format_money(peak, "USD", code)),
            *(
                t(code, "total.annual", amount=format_money(usd("annual", p.id), "USD", code))
                for p in roadmap.phases
                if usd("annual", p.id)
            ),
        ]
        for line in expected:
            assert " ".join(line.split()) in " ".join(html.split()), (code, line)


def _headings(path):
    return [
        (tag, a["id"]) for tag, a in read(path).tags if tag in ("h2", "h3") and "id" in a
    ]  # h1 is the title


@pytest.mark.build
def test_page_structure_matches_across_languages(site):
    for en_page in pages(site / "en"):
        rel = en_page.relative_to(site / "en")
        reference = _headings(en_page)
        for code in CODES:
            assert _headings(site / code / rel) == reference, (code, rel)


@pytest.mark.build
def test_bracket_counts_shown(site):
    for code in CODES:
        group = (site / code / "group" / "index.html").read_text(encoding="utf-8")
        shown = group.count('class="roadmap-brackets')
        assert shown >= 3
        assert (
            " ".join(t(code, "brackets.page_count", count=shown).split())
            in read(site / code / "group" / "index.html").text
        )


def test_edits_rebuild_only_what_they_touch():
    assert affected_languages([ROOT / "docs" / "fr" / "group.md"], ROOT) == ["fr"]
    assert affected_languages([ROOT / "docs" / "en" / "group.md"], ROOT) == list(CODES)
    assert affected_languages([ROOT / "data" / "phases.yml"], ROOT) == list(CODES)


@pytest.mark.build
def test_serve_command_serves_languages_and_their_404(site):
    from quality.serving import roadmap_serve

    with roadmap_serve("--no-build", "--no-watch", "--site-dir", str(site)) as (base, log):
        for code in CODES:
            body = urllib.request.urlopen(f"{base}/{code}/", timeout=5).read().decode()
            assert f'<html lang="{code}"' in body
        try:
            urllib.request.urlopen(f"{base}/zh/no-such-page/", timeout=5)
            raise AssertionError("expected a 404")
        except urllib.error.HTTPError as err:
            assert err.code == 404
            assert t("zh", "notfound.title") in err.read().decode()
        assert f"{base}/" in log.read_text()  # it says where it serves


@pytest.mark.build
def test_server_sends_text_gzipped_to_browsers_that_accept_it(server, site):
    """As static hosts do: page weights and Lighthouse measured through it are a reader's."""
    import gzip

    def get(path, **headers):
        with urllib.request.urlopen(urllib.request.Request(server + path, headers=headers)) as r:
            return r.headers.get("Content-Encoding"), r.read()

    for path, file in (
        ("/en/roadmap/", "en/roadmap/index.html"),
        ("/ar/assets/roadmap.css", "ar/assets/roadmap.css"),
    ):
        encoding, body = get(path, **{"Accept-Encoding": "gzip, deflate"})
        assert encoding == "gzip" and gzip.decompress(body) == (site / file).read_bytes()
        assert len(body) < (site / file).stat().st_size
        assert get(path) == (None, (site / file).read_bytes())
    assert get("/en/assets/images/favicon.png", **{"Accept-Encoding": "gzip"})[0] is None
