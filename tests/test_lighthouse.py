"""Lighthouse on the home, roadmap and work plan pages in English, Arabic and Chinese.

Accessibility, best practices and SEO are properties of the pages and are gated here; performance
depends on the machine that measures it, so `make bench` reports it instead (bench/README.md).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from quality import lighthouse

GATED = ("accessibility", "best-practices", "seo")
MINIMUM = {"accessibility": 1.0, "best-practices": 0.95, "seo": 0.95}


@pytest.fixture(scope="module")
def reports(server) -> dict[str, lighthouse.Report]:
    # Two at a time: each is a Chromium of its own; without the performance category no
    # timing is measured, so running side by side changes no score.
    with ThreadPoolExecutor(max_workers=2) as pool:
        found = pool.map(lambda path: lighthouse.audit(server + path, GATED), lighthouse.PAGES)
        return dict(zip(lighthouse.PAGES, found, strict=True))


@pytest.mark.parametrize("path", lighthouse.PAGES)
def test_lighthouse_scores(reports, path):
    report = reports[path]
    low = {name: score for name, score in report.scores.items() if score < MINIMUM[name]}
    assert not low, f"{path}: {low}\n  " + "\n  ".join(report.shortfalls)
