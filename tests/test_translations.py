"""Six languages at parity: freshness of every translation, in the command, its JSON, the notices,
the status page, the side-by-side view, the terms check and the XLIFF exchange."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from lxml import etree

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


@pytest.mark.commands
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


@pytest.mark.commands
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


@pytest.mark.commands
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


@pytest.mark.commands
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


@pytest.mark.commands
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


@pytest.mark.commands
def test_editing_a_translation_alone_changes_nothing(project_copy):
    before = settle(project_copy)
    edit(project_copy / "docs/fr/group.md", "Les experts devraient", "Les experts doivent")
    assert pending(states(project_copy)) == before
    change_english(project_copy)
    edit(project_copy / "docs/es/group.md", "Los expertos", "Las personas expertas")
    assert states(project_copy)[("es", SECTION)] == "outdated"


@pytest.mark.commands
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


@pytest.mark.commands
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


@pytest.mark.commands
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


# --- XLIFF: what translators exchange -------------------------------------------------------

XLF = "urn:oasis:names:tc:xliff:document:1.2"
SCHEMA = ROOT / "tests/fixtures/xliff/xliff-core-1.2-strict.xsd"
P1_SUMMARY = "data/phases.yml#P1.summary"  # a data text with bracketed alternatives
BRACKETED = "docs/en/group.md#composition"  # a page section with bracketed alternatives
COUNTED = "roadmap/i18n/strings/en.yml#brackets.alternatives"  # "... {count} options"


def _snapshot(project: Path) -> dict[str, bytes]:
    files = [*project.glob("data/*.yml"), *project.glob("translations/*.yml")]
    files += [*project.glob("docs/*/*.md"), *STRINGS_DIR.glob("*.yml")]
    return {str(p): p.read_bytes() for p in files}


def _committed(project: Path) -> Path:
    """The project copy as a git repository with everything committed (history, status)."""
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "copy"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=project,
            check=True,
            capture_output=True,
        )
    return project


def _commit(project: Path, message: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam", message],
        cwd=project,
        check=True,
        capture_output=True,
    )


def _clean(project: Path) -> bool:
    out = subprocess.run(
        ["git", "status", "--porcelain"], cwd=project, capture_output=True, text=True, check=True
    )
    return out.stdout == ""


def _export(project: Path, out: Path, lang: str = "fr") -> etree._ElementTree:
    proc = run_roadmap("--project", str(project), "translations", "export", lang, "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    return etree.parse(str(out))


def _unit(tree: etree._ElementTree, source: str) -> etree._Element:
    found = tree.getroot().findall(f".//{{{XLF}}}trans-unit[@id='{source}']")
    assert len(found) == 1, source
    return found[0]


def _parts(tree: etree._ElementTree, source: str) -> list[etree._Element]:
    """The units of a section, paragraph by paragraph (``#composition/p2``), or the whole."""
    found = [
        u
        for u in tree.getroot().iter(f"{{{XLF}}}trans-unit")
        if re.sub(r"/p\d+$", "", u.get("id")) == source
    ]
    assert found, source
    return found


def _target_with(tree: etree._ElementTree, source: str, words: str) -> etree._Element:
    """The target of the paragraph of a section that holds ``words``."""
    return next(
        t
        for u in _parts(tree, source)
        if (t := u.find(f"{{{XLF}}}target")) is not None and words in "".join(t.itertext())
    )


def _import(project: Path, xlf: Path) -> subprocess.CompletedProcess:
    return run_roadmap("--project", str(project), "translations", "import", str(xlf))


def _refused(project: Path, xlf: Path, *expected: str) -> str:
    """Imported and refused: exit 1, no traceback, every expected phrase said, nothing
    written."""
    before = _snapshot(project)
    proc = _import(project, xlf)
    assert proc.returncode == 1, proc.stdout
    assert "Traceback" not in proc.stderr and "nothing was written" in proc.stderr
    for phrase in expected:
        assert phrase in proc.stderr, proc.stderr
    assert _snapshot(project) == before and _clean(project)
    return proc.stderr


@pytest.mark.commands
def test_the_export_holds_every_unit_valid_against_the_xliff_schema(project_copy, tmp_path):
    tree = _export(project_copy, tmp_path / "fr.xlf")
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(tree), schema.error_log
    root = tree.getroot()
    assert root.get("version") == "1.2"
    files = root.findall(f"{{{XLF}}}file")
    assert {f.get("target-language") for f in files} == {"fr"}
    assert {f.get("original") for f in files} >= {"docs/en/group.md", "data/phases.yml"}
    ids = [u.get("id") for u in root.iter(f"{{{XLF}}}trans-unit")]
    assert len(ids) == len(set(ids))
    assert {re.sub(r"/p\d+$", "", i) for i in ids} == {
        s for _, s in states(project_copy, "--lang", "fr")
    }
    assert "docs/en/group.md#mandate/p2" in ids  # a section, paragraph by paragraph
    # Codes are inline elements, the words between them translatable.
    summary = _unit(tree, P1_SUMMARY).find(f"{{{XLF}}}source")
    opened = summary.findall(f"{{{XLF}}}bpt[@ctype='x-bracket']")
    assert [b.text for b in opened] == ["[[", "[["]
    assert [e.text for e in summary.findall(f"{{{XLF}}}ept")] == ["]]", "]]"]
    assert [p.text for p in _unit(tree, COUNTED).iter(f"{{{XLF}}}ph")] == ["{count}", "{count}"]
    heading = _unit(tree, "docs/en/group.md#mandate/p1").find(f"{{{XLF}}}source")
    assert heading.find(f"{{{XLF}}}ph").text == "## "  # the heading's mark, then its words
    assert "{#mandate}" in [p.text for p in heading.findall(f"{{{XLF}}}ph")]
    codes = [
        el for u in _parts(tree, "docs/en/group.md#mandate") for el in u.find(f"{{{XLF}}}source")
    ]
    assert "link" in [b.get("ctype") for b in codes if b.tag == f"{{{XLF}}}bpt"]
    assert "](roadmap.md)" in [e.text for e in codes if e.tag == f"{{{XLF}}}ept"]
    # A note per unit: the file, the item and field or the section, the state.
    note = _unit(tree, TEXT).find(f"{{{XLF}}}note").text
    assert re.match(
        r"data text P1\.title of data/phases\.yml; the fr text: data/phases\.yml:\d+", note
    )
    assert "state: current" in note


@pytest.mark.commands
def test_each_state_is_told_and_an_outdated_unit_carries_its_english_before(project_copy, tmp_path):
    project = _committed(project_copy)
    old_title = "Initial phase: establishment and minimum viable platform"
    change_english(project)  # TEXT and SECTION outdated
    path = project / "data/phases.yml"  # the French of P2.title taken away: missing
    path.write_text(re.sub(r', fr: "Phase d\'expansion[^"]*"\}', "}", path.read_text(), count=1))
    records = project / "translations/fr.yml"  # P1.summary never recorded: unreviewed
    records.write_text(
        re.sub(rf"^{re.escape(P1_SUMMARY)}: .*\n", "", records.read_text(), flags=re.M)
    )
    tree = _export(project, tmp_path / "fr.xlf")
    outdated = _unit(tree, TEXT)
    assert outdated.find(f"{{{XLF}}}target").get("state") == "needs-review-translation"
    alt = outdated.find(f"{{{XLF}}}alt-trans")
    assert alt.get("alttranstype") == "previous-version"
    assert alt.find(f"{{{XLF}}}source").text == old_title
    assert "English before: " + old_title in outdated.find(f"{{{XLF}}}note").text
    assert (
        outdated.find(f"{{{XLF}}}source").text
        == "Initial phase: set-up and minimum viable platform"
    )
    unreviewed = _unit(tree, P1_SUMMARY)
    assert unreviewed.find(f"{{{XLF}}}target").get("state") == "needs-review-translation"
    assert "state: unreviewed" in unreviewed.find(f"{{{XLF}}}note").text
    missing = [
        u
        for u in tree.getroot().iter(f"{{{XLF}}}trans-unit")
        if "state: missing" in u.find(f"{{{XLF}}}note").text
    ]
    assert [u.get("id") for u in missing] == ["data/phases.yml#P2.title"]
    assert missing[0].find(f"{{{XLF}}}target") is None
    paragraph = _target_with(tree, SECTION, "Les experts devraient")
    alt = paragraph.getparent().find(
        f"{{{XLF}}}alt-trans"
    )  # the changed paragraph's English before
    assert "of recognized excellence" in "".join(alt.find(f"{{{XLF}}}source").itertext())
    assert (
        _unit(tree, SECTION + "/p1").find(f"{{{XLF}}}alt-trans") is None
    )  # the heading did not change
    current = _unit(tree, "docs/en/group.md#mandate/p1")
    assert current.get("approved") == "yes"
    assert current.find(f"{{{XLF}}}target").get("state") == "translated"


@pytest.mark.commands
def test_a_round_trip_through_po_keeps_every_unit_and_id(project_copy, tmp_path):
    from translate.convert import po2xliff, xliff2po
    from translate.storage import po as pofile
    from translate.storage import xliff

    xlf = tmp_path / "fr.xlf"
    tree = _export(project_copy, xlf)
    ids = sorted(u.get("id") for u in tree.getroot().iter(f"{{{XLF}}}trans-unit"))
    po, back = tmp_path / "fr.po", tmp_path / "back.xlf"
    with open(xlf, "rb") as src, open(po, "wb") as out:
        xliff2po.convertxliff(src, out, None)
    catalogue = pofile.pofile.parsefile(str(po))  # a PO editor names the language in the header
    catalogue.updateheader(add=True, Language="fr")
    catalogue.savefile(str(po))
    with open(po, "rb") as src, open(back, "wb") as out:
        po2xliff.convertpo(src, out, None)
    store = xliff.xlifffile.parsestring(back.read_bytes())  # po2xliff writes XLIFF 1.1
    names = sorted(loc for u in store.units if not u.isheader() for loc in u.getlocations())
    assert names == ids  # every unit, each with its id (as its location)
    before = _snapshot(project_copy)
    proc = _import(project_copy, back)
    assert proc.returncode == 0, proc.stderr
    assert "0 texts written" in proc.stdout and _snapshot(project_copy) == before


@pytest.mark.commands
def test_an_untouched_export_imports_as_no_change(project_copy, tmp_path):
    before = _snapshot(project_copy)
    xlf = tmp_path / "fr.xlf"
    _export(project_copy, xlf)
    proc = _import(project_copy, xlf)
    assert proc.returncode == 0, proc.stderr
    assert "0 texts written" in proc.stdout
    assert _snapshot(project_copy) == before


@pytest.mark.commands
def test_a_translators_file_changes_only_its_targets_and_records_them(project_copy, tmp_path):
    project = _committed(project_copy)
    change_english(project)
    _commit(project, "English edited")
    xlf = tmp_path / "fr.xlf"
    tree = _export(project, xlf)
    # Only the paragraph whose English changed asks for work.
    states_of = [u.find(f"{{{XLF}}}target").get("state") for u in _parts(tree, SECTION)]
    assert states_of.count("needs-review-translation") == 1 and "translated" in states_of
    # As a CAT tool does: the words between the tags edited, the tags kept, the state set.
    title = _unit(tree, TEXT).find(f"{{{XLF}}}target")
    title.text = "Phase initiale : installation et plateforme"
    title.set("state", "translated")
    section = _target_with(tree, SECTION, "Les experts devraient")
    for el in section.iter():
        if el.tail and "Les experts devraient" in el.tail:
            el.tail = el.tail.replace("Les experts devraient", "Les experts doivent")
    section.set("state", "translated")
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    proc = _import(project, xlf)
    assert proc.returncode == 0, proc.stderr
    assert "2 texts written, " in proc.stdout
    diff = subprocess.run(
        ["git", "diff", "--numstat"], cwd=project, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    changed = {line.split("\t")[2]: line.split("\t")[:2] for line in diff if line}
    assert changed == {
        "data/phases.yml": ["1", "1"],
        "docs/fr/group.md": ["1", "1"],
        "translations/fr.yml": ["2", "2"],
    }
    page = (project / "docs/fr/group.md").read_text()
    assert "Les experts doivent posséder" in page and "{#composition}" in page
    assert (
        "fr: 'Phase initiale : installation et plateforme'"
        in (project / "data/phases.yml").read_text()
    )
    assert not [k for k in pending(states(project)) if k[0] == "fr"]
    assert run_roadmap("--project", str(project), "check").returncode == 0


def _edited(tree, xlf: Path, source: str, edit) -> None:
    target = _unit(tree, source).find(f"{{{XLF}}}target")
    edit(target)
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")


@pytest.mark.commands
def test_a_target_with_another_placeholder_is_refused(project_copy, tmp_path):
    """{nombre} for {count} once crashed every build with KeyError: 'nombre'."""
    project = _committed(project_copy)
    xlf = tmp_path / "fr.xlf"
    tree = _export(project, xlf)

    def rename(target):
        target.find(f"{{{XLF}}}ph").text = "{nombre}"

    _edited(tree, xlf, COUNTED, rename)
    _refused(project, xlf, COUNTED, "lacks '{count}'", "'{nombre}'", "keep the English's tags")


@pytest.mark.commands
def test_a_target_missing_its_closing_brackets_is_refused(project_copy, tmp_path):
    project = _committed(project_copy)
    xlf = tmp_path / "fr.xlf"
    tree = _export(project, xlf)

    def unclose(target):  # as a translator typing over the tag would
        bracket = target.find(f"{{{XLF}}}bpt[@ctype='x-bracket']")
        ept = target.find(f"{{{XLF}}}ept[@rid='{bracket.get('rid')}']")
        ept.getparent().remove(ept)

    _edited(tree, xlf, P1_SUMMARY, unclose)
    unclose(_target_with(tree, BRACKETED, "[["))
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    message = _refused(project, xlf, "2 units refused", "lacks ']]'")
    assert f"{P1_SUMMARY}: the target lacks ']]'" in message
    assert f"{BRACKETED}: the target lacks ']]'" in message


@pytest.mark.commands
def test_a_section_whose_heading_id_changed_is_refused(project_copy, tmp_path):
    project = _committed(project_copy)
    xlf = tmp_path / "fr.xlf"
    tree = _export(project, xlf)

    def retitle(target):
        ph = [p for p in target.findall(f"{{{XLF}}}ph") if p.text == "{#composition}"][0]
        ph.text = "{#composition-du-groupe}"

    _edited(tree, xlf, BRACKETED + "/p1", retitle)
    _refused(project, xlf, BRACKETED, "'{#composition}'")


@pytest.mark.commands
def test_malformed_missing_and_foreign_files_are_refused(project_copy, tmp_path):
    project = _committed(project_copy)
    broken = tmp_path / "broken.xlf"
    broken.write_text('<?xml version="1.0"?>\n<xliff version="1.2">\n<file>\n</xliff>\n')
    _refused(project, broken, "line 4: the file is not well-formed XML")
    _refused(project, tmp_path / "nowhere.xlf", "nowhere.xlf: cannot be read")
    other = tmp_path / "other.xlf"
    other.write_text('<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"/>')
    _refused(project, other, "not an XLIFF 1.2 file (it is XLIFF 2)")
    other.write_text("<html><body/></html>")
    _refused(project, other, "not an XLIFF 1.2 file (it has no XLIFF <file>)")
    xlf = tmp_path / "fr.xlf"
    _export(project, xlf)
    xlf.write_text(xlf.read_text().replace('target-language="fr"', 'target-language="de"'))
    _refused(project, xlf, "target-language is 'de'")


@pytest.mark.commands
def test_a_file_over_a_translation_changed_since_is_refused_as_a_conflict(project_copy, tmp_path):
    """An older export re-imported once silently reverted a newer French title."""
    project = _committed(project_copy)
    xlf = tmp_path / "fr.xlf"
    tree = _export(project, xlf)
    exported = xlf.read_bytes()
    path = project / "data/phases.yml"  # a newer French title, committed after the export
    path.write_text(
        re.sub(r"fr: '(Phase initiale[^']*)'", r"fr: '\1 (révisé)'", path.read_text(), count=1)
    )
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam", "fr"],
        cwd=project,
        check=True,
    )
    _edited(tree, xlf, TEXT, lambda t: setattr(t, "text", "Phase initiale : autre chose"))
    _refused(
        project,
        xlf,
        f"{TEXT}: conflict: the fr translation in data/phases.yml:",
        "export the file again",
    )
    # The old file as it was exported imports, and overwrites nothing: its targets are the
    # translations it was exported over.
    xlf.write_bytes(exported)
    proc = _import(project, xlf)
    assert proc.returncode == 0 and "0 texts written" in proc.stdout, proc.stderr
    assert "(révisé)" in path.read_text() and _clean(project)


@pytest.mark.commands
def test_a_file_made_from_older_english_is_refused(project_copy, tmp_path):
    project = _committed(project_copy)
    xlf = tmp_path / "fr.xlf"
    _export(project, xlf)
    change_english(project)
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "en"],
        cwd=project,
        check=True,
    )
    _refused(project, xlf, f"{TEXT}: its English changed since the file was exported")


# --- what readers see ------------------------------------------------------------------------


@pytest.mark.build
@pytest.mark.commands
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
    from roadmap.render import side_by_side as compare

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


@pytest.mark.build
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


# --- what a published draft gives translators ------------------------------------------------


def test_a_drafts_downloads_hold_its_translation_memory_and_termbase(tmp_path):
    """The editions step of a publish (here without its PDF and offline copy) writes each
    language's TMX and the glossary's TBX into downloads/ (so the draft's manifest covers
    them) and lists them where the pages announce the draft's files."""
    from translate.storage import tbx, tmx

    from roadmap.build_spec import of_project
    from roadmap.editions.make import Request, make
    from roadmap.model import load_roadmap
    from roadmap.render.editions import MARKER

    site = tmp_path / "site"
    for lang in ("en", "fr"):
        (site / lang).mkdir(parents=True)
        (site / lang / "index.html").write_text(f"<p>{MARKER}</p>")
    build = of_project(ROOT, langs=("en", "fr"))
    made = make(Request(build, site, pdf=False, offline=False), report=lambda _: None)
    assert sorted(made["fr"]) == ["tbx", "tmx"] and sorted(made["en"]) == ["tbx"]
    assert all(p.parent == site / lang / "downloads" for lang in made for p in made[lang].values())
    memory = tmx.tmxfile.parsestring(made["fr"]["tmx"].read_bytes())
    current = {s for (lang, s), state in states(ROOT, "--lang", "fr").items() if state == "current"}
    assert {re.sub(r"/p\d+$", "", u.getid()) for u in memory.units} == current
    unit = next(u for u in memory.units if u.getid() == "docs/en/group.md#mandate/p1")
    assert (unit.source, unit.target) == (
        "## Mandate and tasks {#mandate}",
        "## Mandat et tâches {#mandate}",
    )
    terms = tbx.tbxfile.parsestring(made["fr"]["tbx"].read_bytes())
    glossary = load_roadmap(ROOT / "data").terms
    assert [u.getid() for u in terms.units] == [t.id for t in glossary]
    chm = next(u for u in terms.units if u.getid() == "chm")
    assert [t.text for t in chm.get_target_terms("fr")][:1] == [
        next(t for t in glossary if t.id == "chm").term.root["fr"]
    ]
    page = (site / "fr/index.html").read_text()
    assert (
        'href="downloads/chm-roadmap-' in page and '-en-fr.tmx"' in page and "-glossary.tbx" in page
    )
    assert "mémoire de traduction (TMX)" in page
    english = (site / "en/index.html").read_text()
    assert ".tmx" not in english and "termbase (TBX)" in english


@pytest.mark.commands
def test_a_page_not_yet_translated_is_written_whole_or_not_at_all(project_copy, tmp_path):
    """Its sections are missing: import writes the page when the file translates every one."""
    import copy

    project = _committed(project_copy)
    (project / "docs/fr/resources.md").unlink()
    _commit(project, "no French resources page")
    xlf = tmp_path / "fr.xlf"
    tree = _export(project, xlf)
    units = [
        u
        for u in tree.getroot().iter(f"{{{XLF}}}trans-unit")
        if u.get("id").startswith("docs/en/resources.md#")
    ]
    assert units and all(u.find(f"{{{XLF}}}target") is None for u in units)
    for u in units:  # as a CAT tool: the tags copied from the source, the words translated
        target = copy.deepcopy(u.find(f"{{{XLF}}}source"))
        target.tag = f"{{{XLF}}}target"
        words = {"Resources": "Ressources", "Totals": "Totaux", "Data downloads": "Données"}
        for el in target:
            for english, french in words.items():
                el.tail = (el.tail or "").replace(english, french)
        target.set("state", "translated")
        u.find(f"{{{XLF}}}source").addnext(target)
    partial = copy.deepcopy(tree)
    for u in partial.getroot().iter(f"{{{XLF}}}trans-unit"):
        if u.get("id").startswith("docs/en/resources.md#downloads"):
            u.remove(u.find(f"{{{XLF}}}target"))
    partial.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    _refused(project, xlf, "docs/fr/resources.md does not exist yet", "not downloads")
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    proc = _import(project, xlf)
    assert proc.returncode == 0, proc.stderr
    page = (project / "docs/fr/resources.md").read_text()
    assert (
        page.startswith("# Ressources\n\n")
        and "## Totaux {#totals}\n\n{{ resources_summary() }}" in page
    )
    assert "## Données {#downloads}" in page
    assert not [k for k, v in pending(states(project)).items() if k[0] == "fr"]
    assert run_roadmap("--project", str(project), "check").returncode == 0
