"""Lighthouse on the home (English), roadmap (Arabic) and work plan (Chinese) pages: best
practices and SEO, properties of the pages and their templates, are gated here (`make bench`
runs all nine combinations). Accessibility is
not audited twice: axe checks every page (test_accessibility.py). Performance depends on the
machine that measures it, so `make bench` reports it instead (bench/README.md).
"""

from __future__ import annotations

import pytest

from quality import lighthouse

pytestmark = pytest.mark.browser

MINIMUM = {name: 0.95 for name in lighthouse.GATED}


@pytest.fixture(scope="module")
def lighthouse_reports(lighthouse_in_background) -> dict[str, lighthouse.Report]:
    """One page after another in the session's Chromium (no timing is measured), audited
    while the first tests ran (tests/conftest.py)."""
    return lighthouse_in_background.result()


@pytest.mark.parametrize("path", lighthouse.GATE_PAGES)
def test_lighthouse_scores(lighthouse_reports, path):
    report = lighthouse_reports[path]
    low = {name: score for name, score in report.scores.items() if score < MINIMUM[name]}
    assert not low, f"{path}: {low}\n  " + "\n  ".join(report.shortfalls)
