"""What `roadmap serve` keeps between rebuilds lives in one Session: kept within it, shared by
no other (a command or a benchmark starts afresh with a new one)."""

from __future__ import annotations

from roadmap.checks import check_sources
from roadmap.session import Session
from tests.helpers import copy_project, edit


def test_a_session_keeps_what_it_checked_until_an_edit_and_another_shares_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / "data"
    session = Session()
    first = check_sources(project, data, session=session)
    assert not first.errors and first.roadmap is not None
    pages = dict(session.pages)
    assert pages and session.pages_of is first.roadmap
    again = check_sources(project, data, session=session)
    assert again.roadmap is first.roadmap and session.pages == pages  # nothing read again
    other = check_sources(project, data)  # a new session: validated afresh
    assert other.roadmap is not first.roadmap and session.pages == pages
    edit(data / "phases.yml", "illustrative: true", "illustrative: false")
    edited = check_sources(project, data, session=session)
    assert edited.roadmap is not first.roadmap and session.pages_of is edited.roadmap
