"""Comparing two drafts without git or a build: the pure functions behind the changes page."""

from __future__ import annotations

import datetime as dt

from roadmap.history import compare, prose, redline


def test_redline_marks_words_not_characters():
    html = redline.redline(
        "The secretariat reports to the Conference.",
        "The secretariat reports annually to the Conference of the Parties.",
        "en",
    )
    assert html == (
        "The secretariat reports <ins>annually </ins>to the Conference<ins> of the Parties</ins>."
    )
    assert (
        redline.redline("a <b> & c", "a <b> & d", "en")
        == "a &lt;b&gt; &amp; <del>c</del><ins>d</ins>"
    )


def test_redline_finds_chinese_words():
    html = redline.redline("秘书处提交报告", "秘书处每年提交报告", "zh")
    assert html == "秘书处<ins>每年</ins>提交报告"


def test_redline_labels_are_for_screen_readers():
    html = redline.redline("one", "two", "en", ("deleted:", "inserted:"))
    assert '<del><span class="roadmap-sr">deleted: </span>one</del>' in html


def _data(**changes):
    phase = {
        "id": "P1",
        "title": {"en": "Initial", "fr": "Initiale"},
        "start": dt.date(2026, 1, 1),
        "objectives": [{"id": "P1.O1", "text": {"en": "Do it"}}],
        "milestones": [],
    }
    act = {
        "id": "A1.1",
        "phase": "P1",
        "title": {"en": "Team"},
        "end": dt.date(2026, 5, 15),
        "partners": [],
    }
    res = [{"id": "R1.1", "amount": 100}, {"id": "R1.2", "amount": 5}]
    data = {
        "phases": {"phases": [phase]},
        "workplan": {"activities": [act]},
        "resources": {"resources": res},
    }
    for key, value in changes.items():
        kind, field = key.split("__")
        target = {"phase": phase, "activity": act, "objective": phase["objectives"][0]}[kind]
        target[field] = value
    return data


def test_compare_reports_fields_items_and_nested_items():
    old = _data()
    new = _data(
        activity__end=dt.date(2026, 5, 10),
        objective__text={"en": "Do it well"},
        phase__title={"en": "Initial", "fr": "Phase initiale"},
    )
    new["resources"]["resources"] = [{"id": "R1.1", "amount": 100}, {"id": "R1.9", "amount": 1}]
    found = {
        (c.kind, c.id, c.action): [(f.name, f.old, f.new, f.text) for f in c.fields]
        for c in compare.compare(old, new, "en")
    }
    assert found == {
        ("objective", "P1.O1", "changed"): [("text", "Do it", "Do it well", True)],
        ("activity", "A1.1", "changed"): [
            ("end", dt.date(2026, 5, 15), dt.date(2026, 5, 10), False)
        ],
        ("resource", "R1.9", "added"): [],
        ("resource", "R1.2", "removed"): [],
    }
    # The French reader also sees the phase title change; an empty list equals a missing one.
    french = {(c.kind, c.id) for c in compare.compare(old, new, "fr")}
    assert ("phase", "P1") in french


def test_prose_pairs_edited_paragraphs_and_lists_new_and_removed_ones():
    old = "# Title {#t}\n\nFirst paragraph\nover two lines.\n\nSecond.\n\nGone.\n"
    new = "# Title {#t}\n\nFirst paragraph over three lines.\n\nSecond.\n\nGone?\n\nNew one.\n"
    blocks = prose.compare_page(old, new)
    assert [(b.old, b.new) for b in blocks] == [
        ("First paragraph over two lines.", "First paragraph over three lines."),
        ("Gone.", None),
        (None, "Gone?"),
        (None, "New one."),
    ]
    assert prose.title(new, "x.md") == "Title"
    assert prose.compare_page(old, old.replace("\n\n", "\n\n\n")) == []
