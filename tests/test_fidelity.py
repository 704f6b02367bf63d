"""What delegations read follows the Agreement and the terms of reference: the rules that code
can check. (The review of every sentence is in the closing note of the issue.)"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from roadmap.i18n import CODES, t
from roadmap.model import load_roadmap
from tests.helpers import ROOT, pages

ROADMAP = load_roadmap(ROOT / "data")
# Wordings of the status of the text that the review replaced by one: never again.
RETIRED = (
    "prepared to test this site",
    "Revised draft",
    "the co-facilitators",
    "informal group of experts",
)


def _soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _status(code: str) -> str:
    """What every draft's title says after naming the draft: not a document of the group."""
    return re.split("[:：]", t(code, "illustrative.title"), maxsplit=1)[1].strip()


def test_the_status_of_the_text_is_said_one_way():
    """Every draft's title names it (the first a zero draft, no later one) and then says the one
    status wording of each language (the data notice's title)."""
    for code in CODES:
        assert {
            re.split("[:：]", d.title.get(code), maxsplit=1)[1].strip() for d in ROADMAP.drafts
        } == {_status(code)}, code
    assert [d.status for d in ROADMAP.drafts][:1] == ["zero-draft"]
    assert "zero-draft" not in [d.status for d in ROADMAP.drafts[1:]]
    later = [d.title.get("en").lower() for d in ROADMAP.drafts[1:]]
    assert [title for title in later if "zero draft" in title] == []


@pytest.mark.build
def test_the_status_is_said_the_same_way_on_every_page(site):
    for code in CODES:
        status = _status(code)
        home = _soup(site / code / "index.html").select_one(".roadmap-draft-status")
        assert status in home.get_text(" "), code
        for path in pages(site / code):
            cite = _soup(path).select_one(".roadmap-cite")
            if cite is not None:
                assert status in cite.get_text(" "), path
    english = " ".join(_soup(p).get_text(" ") for p in pages(site / "en"))
    assert [w for w in RETIRED if w.lower() in english.lower()] == []


def test_actors_act_only_within_their_lifetimes():
    """The informal group between PrepCom's second and third sessions, the COP's bodies from
    COP1, and every activity within the lifetime of those who lead or support it (the rule
    itself: tests/fixtures/broken/outside-lifetime)."""
    actors = ROADMAP.actor_by_id
    assert (actors["group"].active_from, actors["group"].active_until) == ("PC2", "PC3")
    for body in ("cop", "stb", "cbtt-committee"):
        assert actors[body].active_from == "COP1", body
    events = ROADMAP.event_by_id
    for a in ROADMAP.activities:
        for actor in (actors[a.lead], *(actors[p] for p in a.partners)):
            if actor.active_from:
                assert a.start >= events[actor.active_from].start, (a.id, actor.id)
            if actor.active_until:
                assert a.end <= events[actor.active_until].last_day, (a.id, actor.id)


def _mark(code: str) -> str:
    return f"({t(code, 'illustrative.mark')})"


@pytest.mark.build
def test_invented_dates_and_figures_are_marked_wherever_they_appear(site):
    """Tables, the timeline and the cite box mark each invented date or figure; real ones
    (the sessions of the Preparatory Commission) are not marked."""
    for code in CODES:
        mark = _mark(code)
        roadmap = _soup(site / code / "roadmap" / "index.html")
        for event in ROADMAP.events:
            cell = roadmap.find("tr", id=event.id).find_all("td")[1].get_text(" ")
            assert (mark in cell) == event.illustrative, (code, event.id, cell)
        for phase in ROADMAP.phases:
            for ms in phase.milestones:
                cell = roadmap.find("tr", id=ms.id).find_all("td")[-1].get_text(" ")
                assert (mark in cell) == ROADMAP.milestone_illustrative(ms), (code, ms.id)
        invented = {p.id: p.illustrative for p in ROADMAP.phases} | {
            ms.id: ROADMAP.milestone_illustrative(ms) for p in ROADMAP.phases for ms in p.milestones
        }
        for row in roadmap.select(".roadmap-timeline .tl-row:not(.tl-head) .tl-label"):
            item = row.select_one(".tl-id").get_text()
            when = row.select_one(".tl-when").get_text(" ")
            assert (mark in when) == invented[item], (code, item, when)
        resources = _soup(site / code / "resources" / "index.html")
        for r in ROADMAP.resources:
            if r.amount is not None:
                cell = resources.find("tr", id=r.id).find_all("td")[3].get_text(" ")
                assert mark in cell, (code, r.id, cell)
        cite = _soup(site / code / "workplan" / "index.html").select_one(".roadmap-cite__facts")
        assert mark in cite.get_text(" "), code


@pytest.mark.build
def test_terms_of_reference_paragraphs_have_citable_anchors_in_every_language(site):
    english = [
        a
        for a in (_soup(site / "en" / "group" / "index.html").find_all(id=True))
        if re.fullmatch(r"tor-\d+(-\w+)?", a["id"])
    ]
    ids = [a["id"] for a in english]
    assert ids[:3] == ["tor-1", "tor-2", "tor-3"] and len(ids) >= 17
    for code in CODES:
        found = [
            a["id"]
            for a in _soup(site / code / "group" / "index.html").find_all(id=True)
            if re.fullmatch(r"tor-\d+(-\w+)?", a["id"])
        ]
        assert found == ids, code
