"""Accessibility: axe-core (npm, pinned in package-lock.json) in Debian's Chromium on every page
of the built site, in all six languages, on a desktop and on a phone; and with search open."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import KNOWN_WORDS, SECTIONS


@pytest.mark.browser
@pytest.mark.visits("desktop", "phone")
@pytest.mark.parametrize("device", ("desktop", "phone"))
@pytest.mark.parametrize("section", SECTIONS)
def test_every_page_has_no_axe_violation(visited, section, device):
    """Every page on a desktop; on a phone, the rules whose outcome the layout changes on
    every page, all of them on the home page and a side-by-side view (what only a phone
    shows: its drawer, its header). Audited in the one visit of each page on each
    (tests/visits.py)."""
    failures = visited(device, section).violations
    assert not failures, "\n".join(failures)


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize("code", KNOWN_WORDS)
def test_search_dialog_with_results_has_no_axe_violation(searched, code):
    """Audited in the search gate's visit of the dialog with its results (tests/visits.search)."""
    found = searched(code).violations
    assert not found, "\n".join(found)


def test_search_override_changes_only_the_dialog_name():
    """overrides/partials/search.html is Material's with a name added: after an upgrade of
    Material the copy must be taken again, not left behind."""
    import material

    theirs = (Path(material.__file__).parent / "templates/partials/search.html").read_text()
    ours = (Path(__file__).parent.parent / "overrides/partials/search.html").read_text()
    ours = ours.split("-#}\n", 1)[1]  # after the leading comments
    theirs = theirs.split("-#}\n", 1)[1]
    named = ours.replace(
        """ role="dialog" aria-label="{{ lang.t('search') }}">""", ' role="dialog">', 1
    )
    assert named == theirs
