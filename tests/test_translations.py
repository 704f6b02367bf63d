"""Six languages at parity: freshness of every translation, in the command, its JSON, the notices,
the status page, the side-by-side view, the terms check and the XLIFF exchange."""

from __future__ import annotations

import json
import re
from pathlib import Path

from roadmap.i18n import CODES, DEFAULT, STRINGS_DIR
from roadmap.translations.units import TOP, sections
from tests.helpers import ROOT, edit, read, run_roadmap, settle

OTHERS = [c for c in CODES if c != DEFAULT]
SECTION = "docs/en/group.md#composition"
TEXT = "data/phases.yml#P1.title"


def change_english(project: Path) -> None:
    """One English section and one English data text, edited."""
    edit(
        project / "docs/en/group.md",
        "The experts should be suitably qualified and of recognized excellence",
        "The experts should be suitably qualified and of proven excellence",
    )
    edit(
        project / "data/phases.yml",
        'title: {en: "Initial phase: establishment and minimum viable platform"',
        'title: {en: "Initial phase: set-up and minimum viable platform"',
    )


def states(project: Path, *args: str) -> dict[tuple[str, str], str]:
    """(language, source) -> state: from `roadmap translations --json ARGS` when given ARGS,
    else read in this process (the same status, without a command's start-up)."""
    if not args:
        from roadmap.translations.sources import load

        return {(e.lang, e.source): e.state for e in load(project)[2].entries}
    proc = run_roadmap("--project", str(project), "translations", "--json", *args)
    assert proc.returncode == 0, proc.stderr
    return {(e["lang"], e["source"]): e["state"] for e in json.loads(proc.stdout)}


def pending(found: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    return {key: state for key, state in found.items() if state != "current"}


# --- the real content ------------------------------------------------------------------------


def test_every_unit_of_the_real_content_is_listed_in_every_language():
    """Its state (how much is pending) is the content's, reported, not tested here."""
    found = states(ROOT)
    assert set(found.values()) <= {"current", "unreviewed", "outdated", "missing"}
    sources = {source for _, source in found}
    assert {"docs/en/group.md#mandate", "docs/en/group.md#_top", TEXT} <= sources
    assert "roadmap/i18n/strings/en.yml#translations.compare_link" in sources
    assert {lang for lang, _ in found} == set(OTHERS)
    assert len(found) == len(sources) * len(OTHERS)


# --- freshness -------------------------------------------------------------------------------


def test_an_english_edit_outdates_exactly_its_five_translations(project_copy):
    before = settle(project_copy)
    change_english(project_copy)
    expected = {(lang, s): "outdated" for lang in OTHERS for s in (SECTION, TEXT)}
    assert pending(states(project_copy)) == before | expected
    text = run_roadmap("--project", str(project_copy), "translations").stdout
    assert re.search(r"outdated +docs/en/group\.md#composition +\(docs/fr/group\.md:\d+\)", text)
    assert re.search(
        r"fr \(French\): [\d.]+% current \(\d+ of \d+\), 0 unreviewed, 2 outdated, \d+ missing",
        text,
    )
    only_fr = states(project_copy, "--lang", "fr")
    assert {lang for lang, _ in only_fr} == {"fr"}


def test_an_outdated_translation_shows_how_its_english_changed(project_copy):
    """The record keeps a fingerprint only: the English before is found in git's history."""
    from tests.helpers import commit_all

    settle(project_copy)
    commit_all(project_copy, "recorded")
    change_english(project_copy)
    text = run_roadmap("--project", str(project_copy), "translations", "--lang", "fr").stdout
    assert "English changed: " in text and "of [-recognized-]{+proven+} excellence" in text
    assert "[-establishment-]{+set-up+}" in text
    found = json.loads(run_roadmap("--project", str(project_copy), "translations", "--json").stdout)
    row = next(r for r in found if r["lang"] == "es" and r["source"] == TEXT)
    assert "establishment" in row["english_before"] and "set-up" in row["english"]
    summary = run_roadmap("--project", str(project_copy), "translations", "--format", "markdown")
    assert "of [-recognized-]{+proven+} excellence" in summary.stdout


def test_a_translation_written_with_its_english_is_unreviewed_not_outdated(project_copy):
    before = settle(project_copy)
    path = project_copy / "docs/en/group.md"
    path.write_text(path.read_text() + "\n## Added {#added}\n\nA new section.\n")
    fr = project_copy / "docs/fr/group.md"
    fr.write_text(fr.read_text() + "\n## Ajoutée {#added}\n\nUne nouvelle section.\n")
    found = pending(states(project_copy))
    new = "docs/en/group.md#added"
    assert found == before | {("fr", new): "unreviewed"} | {
        (lang, new): "missing" for lang in OTHERS if lang != "fr"
    }
    text = run_roadmap("--project", str(project_copy), "translations", "--lang", "fr").stdout
    assert re.search(r"unreviewed +docs/en/group\.md#added", text) and "English changed" not in text


def test_the_reviewed_label_records_only_what_the_branch_wrote(project_copy):
    """`roadmap translations reviewed --since REF`: what the pull request's label runs."""
    from tests.helpers import commit_all

    settle(project_copy)
    commit_all(project_copy, "base")
    change_english(project_copy)
    edit(project_copy / "docs/fr/group.md", "Les experts devraient", "Les experts doivent")
    proc = run_roadmap(
        "--project", str(project_copy), "translations", "reviewed", "--since", "HEAD"
    )
    assert proc.returncode == 0, proc.stderr
    assert "recorded as current: fr docs/en/group.md#composition" in proc.stdout
    assert "1 translation written or changed since HEAD recorded as current" in proc.stdout
    found = pending(states(project_copy))
    assert ("fr", SECTION) not in found and found[("fr", TEXT)] == "outdated"
    assert found[("es", SECTION)] == "outdated"
    proc = run_roadmap(
        "--project", str(project_copy), "translations", "reviewed", "--since", "nope"
    )
    assert proc.returncode == 1 and "nope names no commit" in proc.stderr


def test_marking_makes_one_translation_current_and_leaves_the_others(project_copy):
    settle(project_copy)
    change_english(project_copy)
    proc = run_roadmap("--project", str(project_copy), "translations", "mark", "fr", SECTION)
    assert proc.returncode == 0 and "1 fr translation recorded as current" in proc.stdout
    found = pending(states(project_copy))
    assert ("fr", SECTION) not in found and found[("fr", TEXT)] == "outdated"
    assert all(found[(lang, SECTION)] == "outdated" for lang in OTHERS if lang != "fr")
    # A page path marks all its sections; a whole data file all its texts.
    run_roadmap("--project", str(project_copy), "translations", "mark", "ru", "docs/en/group.md")
    run_roadmap("--project", str(project_copy), "translations", "mark", "ru", "data/phases.yml")
    assert not [
        key
        for key, state in pending(states(project_copy)).items()
        if key[0] == "ru" and state != "missing"
    ]


def test_editing_a_translation_alone_changes_nothing(project_copy):
    before = settle(project_copy)
    edit(project_copy / "docs/fr/group.md", "Les experts devraient", "Les experts doivent")
    assert pending(states(project_copy)) == before
    change_english(project_copy)
    edit(project_copy / "docs/es/group.md", "Los expertos", "Las personas expertas")
    assert states(project_copy)[("es", SECTION)] == "outdated"


def test_a_text_without_translation_is_missing_and_cannot_be_marked(project_copy):
    before = settle(project_copy)
    path = project_copy / "data/phases.yml"  # the French title of P1 taken away
    path.write_text(re.sub(r", fr: 'Phase initiale[^']*'\}", "}", path.read_text(), count=1))
    assert pending(states(project_copy)) == before | {("fr", TEXT): "missing"}
    proc = run_roadmap("--project", str(project_copy), "translations", "mark", "fr", TEXT)
    assert "not translated into fr" in proc.stdout and "0 fr translations" in proc.stdout
    proc = run_roadmap("--project", str(project_copy), "translations", "mark", "fr", "data/x.yml")
    assert proc.returncode == 1 and "data/x.yml" in proc.stderr


def test_sections_are_cut_at_headings_with_ids():
    page = (
        "# Title\n\nLead.\n\n## One {#one}\n\nA.\n\n### Two {#two}\n\nB.\n\n```\n## no {#x}\n```\n"
    )
    found = sections(page)
    assert list(found) == [TOP, "one", "two"]
    assert found["one"] == (5, "## One {#one}\n\nA.\n\n")
    assert found["two"][1].endswith("```\n## no {#x}\n```\n")


# --- glossary terms --------------------------------------------------------------------------


def test_a_translation_without_the_glossary_term_is_a_warning_with_its_line(project_copy):
    path = project_copy / "data/phases.yml"
    edit(
        path,
        "fr: Le secrétariat jette les bases institutionnelles et techniques du Centre",
        "fr: Le secrétariat jette les bases institutionnelles et techniques du Mécanisme",
    )
    line = next(
        i for i, text in enumerate(path.read_text().splitlines(), 1) if "du Mécanisme" in text
    )
    proc = run_roadmap("--project", str(project_copy), "check")
    assert proc.returncode == 0
    assert (
        f"data/phases.yml:{line}: data/phases.yml#P1.summary: the English uses the glossary "
        "term 'Clearing-House Mechanism'; the French text does not use "
        "'Centre d'échange d'informations' or 'CHM'" in proc.stdout
    )
    summary = run_roadmap("--project", str(project_copy), "translations", "--lang", "fr").stdout
    assert "1 glossary term not used" in summary
    # A deliberate exception, marked on the line above.
    text = path.read_text().splitlines()
    text.insert(line - 1, " " * 6 + "# terms: ignore chm")
    path.write_text("\n".join(text) + "\n")
    assert "Clearing-House" not in run_roadmap("--project", str(project_copy), "check").stdout


def test_a_page_section_without_the_term_is_reported_and_can_be_excepted(project_copy):
    page = project_copy / "docs/fr/group.md"
    edit(page, "la première réunion de la Conférence des Parties", "la première réunion des États")
    proc = run_roadmap("--project", str(project_copy), "check")
    heading = page.read_text(encoding="utf-8").splitlines().index("## Contexte {#background}") + 1
    assert (
        f"docs/fr/group.md:{heading}: docs/en/group.md#background: the English uses the glossary "
        "term 'Conference of the Parties'" in proc.stdout
    )
    edit(
        page,
        "## Contexte {#background}\n",
        "## Contexte {#background}\n\n<!-- terms: ignore conference-of-the-parties -->\n",
    )
    assert (
        "'Conference of the Parties'"
        not in run_roadmap("--project", str(project_copy), "check").stdout
    )


# --- XLIFF -----------------------------------------------------------------------------------


def _snapshot(project: Path) -> dict[str, bytes]:
    files = [*project.glob("data/*.yml"), *project.glob("translations/*.yml")]
    files += list(STRINGS_DIR.glob("*.yml"))
    return {str(p): p.read_bytes() for p in files}


def test_an_xliff_round_trip_without_translation_changes_nothing(project_copy, tmp_path):
    before = _snapshot(project_copy)
    xlf = tmp_path / "fr.xlf"
    proc = run_roadmap(
        "--project", str(project_copy), "translations", "export", "fr", "-o", str(xlf)
    )
    assert proc.returncode == 0, proc.stderr
    content = xlf.read_text()
    assert 'target-language="fr"' in content and f'id="{TEXT}"' in content
    assert 'id="roadmap/i18n/strings/en.yml#list.separator"' in content
    proc = run_roadmap("--project", str(project_copy), "translations", "import", str(xlf))
    assert proc.returncode == 0, proc.stderr
    assert "0 texts written" in proc.stdout
    assert _snapshot(project_copy) == before


def test_an_imported_french_text_lands_on_its_yaml_line_and_is_current(project_copy, tmp_path):
    change_english(project_copy)
    xlf = tmp_path / "fr.xlf"
    run_roadmap("--project", str(project_copy), "translations", "export", "fr", "-o", str(xlf))
    content = xlf.read_text()
    unit = re.search(rf'<trans-unit[^>]*id="{re.escape(TEXT)}".*?</trans-unit>', content, re.S)
    assert unit and 'state="needs-review-translation"' in unit.group(0)  # flagged for review
    reviewed = re.sub(
        r'<target state="needs-review-translation">.*?</target>',
        '<target state="translated">Phase initiale : installation et plateforme</target>',
        unit.group(0),
    )
    xlf.write_text(content.replace(unit.group(0), reviewed))
    path = project_copy / "data/phases.yml"
    before = path.read_text().splitlines()
    proc = run_roadmap("--project", str(project_copy), "translations", "import", str(xlf))
    assert proc.returncode == 0, proc.stderr
    after = path.read_text().splitlines()
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1 and before[changed[0]].lstrip().startswith("title: {en:")
    assert "fr: 'Phase initiale : installation et plateforme'" in after[changed[0]]
    found = pending(states(project_copy))
    assert ("fr", TEXT) not in found and ("es", TEXT) in found


def test_an_xliff_file_made_from_older_english_is_refused(project_copy, tmp_path):
    xlf = tmp_path / "fr.xlf"
    run_roadmap("--project", str(project_copy), "translations", "export", "fr", "-o", str(xlf))
    change_english(project_copy)
    before = _snapshot(project_copy)
    proc = run_roadmap("--project", str(project_copy), "translations", "import", str(xlf))
    assert proc.returncode == 1 and TEXT in proc.stderr and "nothing was written" in proc.stderr
    assert _snapshot(project_copy) == before


# --- what readers see ------------------------------------------------------------------------


def test_notice_status_page_and_side_by_side_agree_with_the_command(
    project_copy, tmp_path, mkdocs_build
):
    before = settle(project_copy)
    change_english(project_copy)
    out = tmp_path / "fr"
    proc = mkdocs_build(project_copy, "fr", out)
    assert proc.returncode == 0, proc.stderr
    group = (out / "group/index.html").read_text()
    notices = re.findall(
        r'class="admonition warning roadmap-translation-outdated".*?</div>', group, re.S
    )
    assert len(notices) == 1 and 'href="../../en/group/#composition"' in notices[0]
    assert group.index("roadmap-translation-outdated") > group.index('id="composition"')
    assert group.index("roadmap-translation-outdated") < group.index('id="selection"')
    assert 'href="../compare/group/"' in group
    roadmap = (out / "roadmap/index.html").read_text()  # shows the phases: a data notice
    assert "roadmap-translation-outdated" in roadmap
    status = read(out / "translations/index.html")
    assert SECTION in status.text and TEXT in status.text
    still = len([key for key in before if key[0] == "fr"])  # texts with no French at all
    assert status.text.count("docs/en/") + status.text.count("data/") == 2 + still
    view = (out / "compare/group/index.html").read_text()
    assert view.count("roadmap-compare--outdated") == 1 and 'id="fr--composition"' in view
    assert 'lang="en" dir="ltr"' in view and 'lang="fr" dir="ltr"' in view
    texts = (out / "compare/roadmap/index.html").read_text()
    row = re.search(
        rf"<tr class=\"roadmap-compare--(\w+)\">\s*<th scope=\"row\"><code>{TEXT}<", texts
    )
    assert row and row.group(1) == "outdated"


def test_a_page_compares_the_data_texts_it_shows_and_no_other():
    """The road map names each activity in a link's tooltip: its view and its notice count the
    activities' titles, not the rest of the work plan, which the work plan page shows."""
    from roadmap.render.catalogue import data_shown

    roadmap = data_shown('{{ phases_overview() }}\n{{ phase_details("P1") }}')
    assert "data/phases.yml#P1.O1.title" in roadmap
    assert "data/workplan.yml#A1.1.title" in roadmap
    assert "data/workplan.yml#A1.1.description" not in roadmap
    assert "data/workplan.yml#A1.1.deliverables[0]" not in roadmap
    assert "data/resources.yml#R1.1.title" not in roadmap
    both = data_shown('{{ phase_details("P1") }} {{ workplan() }}')
    assert "data/workplan.yml#A1.1.deliverables[0]" in both
    assert not data_shown("No macro here.")


def test_side_by_side_columns_carry_their_language_and_direction():
    from roadmap.render import compare

    en = '# Title\n\nLead [link](roadmap.md) {{ ref("A1.3") }}.\n\n## One {#one}\n\n{{ workplan() }}\n'
    ar = "# عنوان\n\nمقدمة.\n\n## واحد {#one}\n\n{{ workplan() }}\n"
    view = compare.page(
        "ar", "x.md", (en, ar), {TOP: "current", "one": "outdated"}, [], "../../../en/x/"
    )
    assert 'lang="ar" dir="rtl"' in view and 'lang="en" dir="ltr"' in view
    assert "## Title {#en--_top}" in view and "### واحد {#ar--one}" in view
    assert "Lead link A1.3." in view and "{{" not in view
    assert view.count("roadmap-compare--outdated") == 1
    assert 'href="../../../en/x/#one"' in view
    assert "[العودة إلى الصفحة](../../x.md)" in view


def test_the_built_site_agrees_with_the_command_and_the_gate(site):
    """On our real content, whatever its state: a notice at each outdated section the command
    lists and nowhere else, each status page lists what the command does, the publishing gate
    refuses exactly when something is pending; every translated page has its side-by-side view."""
    from roadmap.publish import Options, PublishError, _refuse_untranslated
    from roadmap.translations.sources import load

    status = load(ROOT)[2]
    try:
        _refuse_untranslated(status, Options())
        refused = False
    except PublishError:
        refused = True
    assert refused == bool(status.pending())
    _refuse_untranslated(status, Options(allow_incomplete=True))
    english_pages = sorted(p.stem for p in (ROOT / "docs/en").glob("*.md"))
    for lang in OTHERS:
        for page in english_pages:
            html = (
                (site / lang / page / "index.html").read_text()
                if page != "index"
                else (site / lang / "index.html").read_text()
            )
            outdated = status.outdated_sections(lang, f"docs/en/{page}.md")
            assert html.count('roadmap-translation-outdated"') >= len(outdated), (lang, page)
        text = read(site / lang / "translations/index.html").text
        if status.pending(lang):
            assert all(e.source in text for e in status.pending(lang))
        else:
            assert (
                "roadmap-translation-all-current"
                in (site / lang / "translations/index.html").read_text()
            )
        views = sorted(p.parent.name for p in (site / lang / "compare").glob("*/index.html"))
        assert views == english_pages
        assert 'href="../compare/group/"' in (site / lang / "group/index.html").read_text()
        index = json.loads((site / lang / "search/search_index.json").read_text())
        assert not [d for d in index["docs"] if d["location"].startswith("compare/")]
    assert not (site / DEFAULT / "compare").exists()


def test_markdown_format_for_pull_requests():
    proc = run_roadmap("translations", "--format", "markdown")
    assert proc.returncode == 0
    assert re.search(
        r"\| French \(fr\) \| [\d.]+% \(\d+ of \d+\) \| \d+ \| \d+ \| \d+ \|", proc.stdout
    )


def test_yaml_written_back_keeps_every_byte_of_our_files():
    """What import relies on: reading and writing each data and strings file changes nothing."""
    from roadmap.translations.yamlwrite import round_trip

    for path in [*sorted((ROOT / "data").glob("*.yml")), *sorted(STRINGS_DIR.glob("*.yml"))]:
        text = path.read_text(encoding="utf-8")
        assert round_trip(text) == text, path.name
