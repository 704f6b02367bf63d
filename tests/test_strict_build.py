"""Builds of a broken copy of the project: every mistake fails with a message naming the file."""

from __future__ import annotations

import pytest

from roadmap.i18n import t
from tests.helpers import read

pytestmark = [pytest.mark.build, pytest.mark.commands]


def test_untranslated_page_shows_english_under_a_notice(project_copy, tmp_path, mkdocs_build):
    (project_copy / "docs" / "fr" / "cite.md").unlink()
    proc = mkdocs_build(project_copy, "fr", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    html = (tmp_path / "out" / "cite" / "index.html").read_text(encoding="utf-8")
    page = read(tmp_path / "out" / "cite" / "index.html")
    assert t("fr", "fallback.title") in page.text and t("fr", "fallback.body") in page.text
    assert page.find("div", lang="en", dir="ltr"), "the English text is marked as English"
    assert 'class="roadmap-fallback"' in html
    english_title = (
        (project_copy / "docs" / "en" / "cite.md").read_text().splitlines()[0].lstrip("# ")
    )
    assert english_title in page.text
    assert page.find("html")[0]["lang"] == "fr"


def test_misspelt_variable_fails_with_file_and_line(project_copy, tmp_path, mkdocs_build):
    page = project_copy / "docs" / "en" / "glossary.md"
    page.write_text(page.read_text() + "\n\nSee {{ bracket_totl() }}.\n")
    proc = mkdocs_build(project_copy, "en", tmp_path / "out")
    assert proc.returncode != 0
    line = len(page.read_text().splitlines()) - 0
    assert f"docs/en/glossary.md:{line}: 'bracket_totl' is undefined" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_unknown_ref_fails_with_page_and_line(project_copy, tmp_path, mkdocs_build):
    page = project_copy / "docs" / "en" / "cite.md"
    lines = page.read_text().splitlines()
    lines.insert(2, 'See {{ ref("A9.9") }}.')
    page.write_text("\n".join(lines) + "\n")
    proc = mkdocs_build(project_copy, "en", tmp_path / "out")
    assert proc.returncode != 0
    assert "docs/en/cite.md:3: ref('A9.9'): no phase, objective" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_broken_link_and_anchor_fail_the_build(project_copy, tmp_path, mkdocs_build):
    page = project_copy / "docs" / "en" / "cite.md"
    page.write_text(page.read_text() + "\n\n[x](workplan.md#A9.9)\n")
    proc = mkdocs_build(project_copy, "en", tmp_path / "out")
    assert proc.returncode != 0
    assert "cite.md" in proc.stderr and "A9.9" in proc.stderr


def test_jinja_cannot_reach_python(project_copy, tmp_path, mkdocs_build):
    page = project_copy / "docs" / "en" / "cite.md"
    page.write_text(page.read_text() + "\n\n{{ cycler.__init__.__globals__ }}\n")
    proc = mkdocs_build(project_copy, "en", tmp_path / "out")
    assert proc.returncode != 0
    assert "docs/en/cite.md" in proc.stderr and "unsafe" in proc.stderr.lower()


def test_script_in_data_reaches_pages_escaped(project_copy, tmp_path, mkdocs_build):
    wp = project_copy / "data" / "workplan.yml"
    text = wp.read_text()
    first_title = text.index("title:")
    end = text.index("\n", first_title)
    wp.write_text(text[:first_title] + 'title: {en: "<script>alert(1)</script> Evil"}' + text[end:])
    proc = mkdocs_build(project_copy, "en", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    html = (tmp_path / "out" / "workplan" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Evil" in html


def test_bad_data_stops_the_build_before_any_page(project_copy, tmp_path, roadmap_build):
    wp = project_copy / "data" / "workplan.yml"
    wp.write_text(wp.read_text().replace("phase: P1", "phase: P9", 1))
    out = tmp_path / "site"
    proc = roadmap_build("--data", str(project_copy / "data"), "build", "--site-dir", str(out))
    assert proc.returncode == 1
    assert "activities[0].phase: 'P9' is not a phase (known: P1, P2, P3)" in proc.stderr
    assert not out.exists()
