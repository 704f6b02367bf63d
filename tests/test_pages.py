"""`roadmap check` reads every page of every language and names each mistake with file and line."""

from __future__ import annotations

import pytest

from roadmap.checks.pages import check_pages
from roadmap.model import load_roadmap
from roadmap.render import bracket_marks
from tests.helpers import ROOT, edit, run_roadmap


def _line_of(path, needle) -> int:
    return next(
        i
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if needle in line
    )


def test_our_pages_are_clean_in_every_language():
    problems = check_pages(ROOT, load_roadmap(ROOT / "data"))
    assert [str(p) for p in problems] == []


@pytest.mark.commands
def test_every_page_mistake_is_reported_in_one_run(project_copy):
    docs = project_copy / "docs"
    fr = docs / "fr" / "group.md"
    edit(fr, "{#mandate}", "{#mandat}")
    fr.write_text(
        fr.read_text(encoding="utf-8")
        + (
            '\n\nVoir {{ worklpan("P1") }}, {{ ref("A9.9") }}.\n\n'
            '{{ timeline("P7") }} {{ timeline("P1", 2) }}\n\n'
            "Un [[passage ouvert.\n\nUn passage fermé]].\n\n## Sans id\n"
        ),
        encoding="utf-8",
    )
    zh = docs / "zh" / "cite.md"
    zh.write_text(zh.read_text(encoding="utf-8") + '\n{{ ref("A1.1" }}\n', encoding="utf-8")
    (docs / "es" / "extra.md").write_text("# Extra\n", encoding="utf-8")
    ar = docs / "ar" / "roadmap.md"
    ar.write_text("---\ntitle: [x\n---\n" + ar.read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "ru" / "participate.md").unlink()

    proc = run_roadmap("--project", str(project_copy), "check")
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    end = len(fr.read_text(encoding="utf-8").splitlines())
    mandate = _line_of(fr, "{#mandat}")
    en_mandate = _line_of(docs / "en" / "group.md", "{#mandate}")
    expected = [
        "docs/ar/roadmap.md:3: the front matter between the '---' lines is not valid YAML",
        (
            f"docs/zh/cite.md:{len(zh.read_text(encoding='utf-8').splitlines())}: the macro call is not "
            "complete or not valid (unexpected '}', expected ')')"
        ),
        (
            f"docs/fr/group.md:{end - 8}: 'worklpan' is not a macro or variable (did you mean 'workplan'? "
            "macros: bracket_total, changes,"
        ),
        f"docs/fr/group.md:{end - 8}: ref('A9.9'): no phase, objective, milestone, deliverable, activity,",
        f"docs/fr/group.md:{end - 6}: timeline('P7'): 'P7' is not a phase (known: P1, P2, P3)",
        f"docs/fr/group.md:{end - 6}: timeline() was given 2 arguments; it is written timeline(phase=None)",
        f"docs/fr/group.md:{end - 4}: '[[' opens a bracketed passage that is not closed by ']]'",
        f"docs/fr/group.md:{end - 2}: ']]' closes no bracketed passage",
        f"docs/fr/group.md:{end}: the heading 'Sans id' has no id: write it as '## Sans id {{#an-id}}'",
        (
            f"docs/fr/group.md: no heading with the id 'mandate' (docs/en/group.md:{en_mandate} has "
            "'## Mandate and tasks {#mandate}')"
        ),
        f"docs/fr/group.md:{mandate}: the heading id 'mandat' is not in the English page docs/en/group.md",
        "docs/es/extra.md: there is no English page docs/en/extra.md",
        "12 errors in the pages.",
    ]
    lines = proc.stderr.splitlines()
    for want in expected:
        assert any(line.startswith(want) for line in lines), (want, proc.stderr)
    assert "participate.md" not in proc.stderr, "a page not yet translated is not an error"

    verbose = run_roadmap("--project", str(project_copy), "check", "-v")
    assert verbose.returncode == 1


@pytest.mark.build
@pytest.mark.commands
def test_untranslated_page_is_a_warning_and_the_build_refuses_page_mistakes(
    project_copy, tmp_path, roadmap_build
):
    (project_copy / "docs" / "ru" / "participate.md").unlink()
    proc = run_roadmap("--project", str(project_copy), "check", "-v")
    assert proc.returncode == 0, proc.stderr
    assert (
        "docs/ru/participate.md: not yet translated: readers see the English page under a notice "
        "[warning]"
    ) in proc.stdout
    assert "pages OK: 1 not yet translated" in proc.stdout

    edit(project_copy / "docs" / "fr" / "roadmap.md", "\n", '\n{{ ref("P9") }}\n')
    out = tmp_path / "site"
    proc = roadmap_build("--project", str(project_copy), "build", "--site-dir", str(out))
    assert proc.returncode == 1
    assert "docs/fr/roadmap.md:2: ref('P9'): no phase" in proc.stderr
    assert "Nothing was built." in proc.stderr
    assert not out.exists(), "nothing is built when a page has a mistake"


@pytest.mark.commands
def test_headings_in_another_order_or_level_are_named(project_copy):
    es = project_copy / "docs" / "es" / "group.md"
    headings = [
        line for line in es.read_text(encoding="utf-8").splitlines() if line.startswith("## ")
    ]
    first, second = headings[0], headings[1]
    text = es.read_text(encoding="utf-8")
    es.write_text(
        text.replace(first, "\0").replace(second, first).replace("\0", second), encoding="utf-8"
    )
    ru = project_copy / "docs" / "ru" / "group.md"
    h3 = next(
        line for line in ru.read_text(encoding="utf-8").splitlines() if line.startswith("### ")
    )
    edit(ru, h3, "#" + h3)
    problems = [str(p) for p in check_pages(project_copy, load_roadmap(project_copy / "data"))]
    second_id = second.rsplit("{#", 1)[1].rstrip("}")
    first_id = first.rsplit("{#", 1)[1].rstrip("}")
    assert any(
        p.startswith(
            f"docs/es/group.md:{_line_of(es, second)}: the heading '{second_id}' comes here "
            f"where English has '{first_id}'"
        )
        for p in problems
    ), problems
    h3_id = h3.rsplit("{#", 1)[1].rstrip("}")
    assert any(
        p.startswith(
            f"docs/ru/group.md:{_line_of(ru, h3)}: '{h3_id}' is a level-4 heading here "
            "and level 3 in English"
        )
        for p in problems
    ), problems


def test_unmatched_brackets_skip_code_and_complete_passages():
    text = "ok [[a]][[b]] and `[[code` and\n```\n]] fenced\n```\nbad [[open and close]] ]]"
    found = bracket_marks.unmatched(text)
    assert [(text[o : o + 2], tok) for o, tok in found] == [("]]", "]]")]
    assert found[0][0] == len(text) - 2
    assert bracket_marks.unmatched("[[open") == [(0, "[[")]


@pytest.mark.commands
def test_macros_of_mkdocs_macros_and_front_matter_variables_are_known(project_copy):
    page = project_copy / "docs" / "en" / "participate.md"
    page.write_text(
        "---\nowner: secretariat\n---\n"
        + page.read_text(encoding="utf-8")
        + "\n\n{{ owner }} {{ now().year }} {{ page.title }} {{ config.site_name }} {{ greeting }}\n"
        + "{% set x = 1 %}{{ x }}{% for p in range(2) %}{{ p }}{% endfor %}\n",
        encoding="utf-8",
    )
    config = project_copy / "mkdocs.yml"  # extra: keys are variables too
    config.write_text(
        config.read_text(encoding="utf-8").replace("\nextra:\n", "\nextra:\n  greeting: hi\n", 1),
        encoding="utf-8",
    )
    assert [str(p) for p in check_pages(project_copy, load_roadmap(project_copy / "data"))] == []


@pytest.mark.commands
def test_serve_does_not_rebuild_a_page_with_a_mistake(project_copy, tmp_path):
    """The preview's rebuild checks first: the mistake goes to the terminal and the browser."""
    from roadmap.build_spec import of_project
    from roadmap.preview.server import affected_languages
    from roadmap.preview.state import Preview
    from roadmap.preview.watch import Rebuilder

    site, said, preview = tmp_path / "site", [], Preview()
    build = of_project(project_copy)
    rebuilder = Rebuilder(build, site, preview, affected_languages, report=said.append)
    page = project_copy / "docs" / "es" / "cite.md"
    edit(page, "\n", '\n{{ ref("A9.9") }}\n')
    rebuilder.rebuild([page])
    out = "\n".join(said)
    assert "docs/es/cite.md:2: ref('A9.9')" in out
    assert "not rebuilt: fix the pages; the site shows the last good build" in out
    assert any(p.startswith("docs/es/cite.md:2: ref('A9.9')") for p in preview.problems)
    assert not site.exists()


@pytest.mark.commands
def test_a_page_without_macros_is_still_checked_for_headings_and_brackets(project_copy):
    page = project_copy / "docs" / "en" / "participate.md"
    page.write_text(
        "---\nrender_macros: false\n---\n"
        + page.read_text(encoding="utf-8")
        + "\n\nShown as written: {{ not_a_macro() }}\n\n## No id\n\nAn [[open passage\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in check_pages(project_copy, load_roadmap(project_copy / "data"))]
    end = len(page.read_text(encoding="utf-8").splitlines())
    assert not any("not_a_macro" in p for p in problems)
    assert any(
        p.startswith(f"docs/en/participate.md:{end - 2}: the heading 'No id' has no id")
        for p in problems
    )
    assert any(p.startswith(f"docs/en/participate.md:{end}: '[[' opens") for p in problems)


@pytest.mark.commands
def test_arabic_and_chinese_headings_follow_english_and_ids_are_unique(project_copy):
    docs = project_copy / "docs"
    for code in ("ar", "zh"):
        edit(docs / code / "group.md", "{#mandate}", "{#mandat}")
    fr = docs / "fr" / "group.md"
    mandate = _line_of(fr, "{#mandate}")
    fr.write_text(fr.read_text(encoding="utf-8") + "\n## Encore {#mandate}\n", encoding="utf-8")
    problems = [str(p) for p in check_pages(project_copy, load_roadmap(project_copy / "data"))]
    for code in ("ar", "zh"):
        line = _line_of(docs / code / "group.md", "{#mandat}")
        assert any(
            p.startswith(
                f"docs/{code}/group.md:{line}: the heading id 'mandat' is not in the "
                "English page docs/en/group.md"
            )
            for p in problems
        ), problems
    end = len(fr.read_text(encoding="utf-8").splitlines())
    assert (
        f"docs/fr/group.md:{end}: the heading id 'mandate' is already used on line {mandate}: "
        "an id is an anchor and names one heading"
    ) in problems


@pytest.mark.commands
def test_paragraph_anchors_are_the_same_in_every_language(project_copy):
    """The terms of reference's paragraphs are cited by #tor-<n>: a translation keeps each."""
    page = project_copy / "docs" / "ru" / "group.md"
    edit(page, "\n{#tor-3}\n", "\n{#tor-33}\n")
    edit(page, "\n{#tor-4}\n", "\n\n")
    found = [str(p) for p in check_pages(project_copy, load_roadmap(project_copy / "data"))]
    en = (project_copy / "docs" / "en" / "group.md").read_text(encoding="utf-8").splitlines()
    line = {a: en.index("{#" + a + "}") + 1 for a in ("tor-3", "tor-4")}
    ru = page.read_text(encoding="utf-8").splitlines().index("{#tor-33}") + 1
    assert found == [
        f"docs/ru/group.md: no paragraph with the anchor '{{#tor-3}}' (docs/en/group.md:{line['tor-3']} has it): anchors are the same in every language",
        f"docs/ru/group.md: no paragraph with the anchor '{{#tor-4}}' (docs/en/group.md:{line['tor-4']} has it): anchors are the same in every language",
        f"docs/ru/group.md:{ru}: the anchor '{{#tor-33}}' is not in the English page docs/en/group.md: anchors are the same in every language",
    ]
