"""The data model: good data loads, every broken fixture fails with its exact message."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap.model import DataError, load_roadmap
from roadmap.model import jsonschema as js
from tests.helpers import FIXTURES, ROOT

BROKEN = sorted(p.name for p in (FIXTURES / "broken").iterdir())


def _dataset(tmp_path: Path, case: str | None = None) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "good", data)
    if case:
        for f in (FIXTURES / "broken" / case).iterdir():
            if f.name != "expected.txt":
                shutil.copy(f, data / f.name)
    return data


def test_project_data_is_valid():
    roadmap = load_roadmap(ROOT / "data")
    assert len(roadmap.phases) >= 3
    assert len(roadmap.activities_of("P1")) >= 12


def test_good_fixture_loads_with_lookups(tmp_path):
    roadmap = load_roadmap(_dataset(tmp_path))
    assert [p.id for p in roadmap.phases] == ["P1", "P2"]
    assert roadmap.entries["A1.2"].phase.id == "P1"
    assert roadmap.milestone_date(roadmap.phases[0].milestones[0]).isoformat() == "2026-03-23"
    assert roadmap.milestone_tentative(roadmap.phases[0].milestones[0])  # PC3 is tentative
    assert roadmap.phases[0].title.get("fr") == "Fondations"
    assert roadmap.phases[1].title.get("fr") == "Growth"  # falls back to English


def test_missing_translations_are_warnings_not_errors(tmp_path):
    roadmap = load_roadmap(_dataset(tmp_path))
    first = str(roadmap.warnings[0])
    assert first.startswith(
        "data/actors.yml:3:11: actors[0].name: no translation yet in ar, zh, fr, ru, es"
    )
    assert all(w.severity == "warning" for w in roadmap.warnings)


@pytest.mark.parametrize("case", BROKEN)
def test_broken_fixture_reports_exact_messages(tmp_path, case):
    expected = (FIXTURES / "broken" / case / "expected.txt").read_text(encoding="utf-8").strip()
    with pytest.raises(DataError) as caught:
        load_roadmap(_dataset(tmp_path, case))
    assert str(caught.value) == expected


_MESSAGE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+)(?::(?P<col>\d+))?: (?P<text>.*)$")


def _annotation(message: str) -> str:
    """An expected message as GitHub shows it on the line of a pull request's diff."""
    m = _MESSAGE.match(message)
    assert m, message
    col = f",col={m['col']}" if m["col"] else ""
    return f"::error file={m['file']},line={m['line']}{col}::{m['text']}"


@pytest.mark.parametrize("case", ["unknown-phase", "duplicate-id", "yaml-syntax", "bad-currency"])
def test_broken_fixture_annotations_for_pull_requests(tmp_path, case):
    """`roadmap check --format github` prints each message as an annotation at its line."""
    from tests.helpers import run_roadmap

    expected = (FIXTURES / "broken" / case / "expected.txt").read_text(encoding="utf-8")
    proc = run_roadmap("--data", str(_dataset(tmp_path, case)), "check", "--format", "github")
    assert proc.returncode == 1
    # The data's own; the real pages checked against this data have mistakes of their own.
    errors = [line for line in proc.stdout.splitlines() if line.startswith("::error file=data/")]
    assert errors == [_annotation(line) for line in expected.strip().splitlines()]


def test_all_errors_are_reported_in_one_run(tmp_path):
    data = _dataset(tmp_path, "unknown-phase")
    shutil.copy(FIXTURES / "broken" / "bad-currency" / "resources.yml", data / "resources.yml")
    with pytest.raises(DataError) as caught:
        load_roadmap(data)
    files = {p.file for p in caught.value.problems}
    assert files == {"data/workplan.yml", "data/resources.yml"}


def test_missing_file_is_named(tmp_path):
    data = _dataset(tmp_path)
    (data / "glossary.yml").unlink()
    with pytest.raises(DataError, match=r"^data/glossary.yml: file is missing$"):
        load_roadmap(data)


def test_huge_file_is_refused_quickly(tmp_path):
    data = _dataset(tmp_path)
    (data / "glossary.yml").write_text("terms: []\n" + "# padding\n" * 300_000)
    with pytest.raises(
        DataError, match=r"^data/glossary.yml: file is 3,000,010 bytes; the limit is"
    ):
        load_roadmap(data)


def test_billion_laughs_is_refused(tmp_path):
    data = _dataset(tmp_path)
    bomb = "a: &a [x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    (data / "glossary.yml").write_text(bomb)
    with pytest.raises(DataError, match="anchors and aliases"):
        load_roadmap(data)


def test_cli_check_exit_codes(tmp_path):
    from tests.helpers import run_roadmap

    ok = run_roadmap("check")  # our data and pages
    assert ok.returncode == 0 and "data OK" in ok.stdout and "pages OK" in ok.stdout
    bad = run_roadmap("--data", str(_dataset(tmp_path / "bad", "unknown-phase")), "check")
    assert bad.returncode == 1
    assert (
        "data/workplan.yml:10:12: activities[1].phase: 'P9' is not a phase (known: P1, P2)"
        in bad.stderr
    )
    assert "Traceback" not in bad.stderr


def test_committed_schemas_match_the_model():
    for name, text in js.schemas().items():
        committed = ROOT / "schemas" / name
        assert committed.read_text(encoding="utf-8") == text, f"run 'make schemas': {name} is stale"


def test_data_files_reference_their_schema_and_validate():
    import jsonschema
    import yaml

    for path in sorted((ROOT / "data").glob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schemas/{path.stem}.schema.json", path
        schema = __import__("json").loads(
            (ROOT / "schemas" / f"{path.stem}.schema.json").read_text()
        )
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        jsonschema.validate(_jsonable(data), schema)


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


yaml_text = st.recursive(
    st.one_of(
        st.text(max_size=20),
        st.integers(),
        st.none(),
        st.booleans(),
        st.sampled_from(["2026-02-30", "2026-04-01", "P1", "A1.1", "&a x", "*a", "{", "]", ": x"]),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "phase",
                    "title",
                    "en",
                    "start",
                    "end",
                    "phases",
                    "activities",
                    "resources",
                    "terms",
                    "events",
                    "actors",
                    "drafts",
                    "objectives",
                ]
            ),
            children,
            max_size=4,
        ),
    ),
    max_leaves=20,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    value=yaml_text,
    target=st.sampled_from(["phases", "workplan", "resources", "actors"]),
    raw=st.booleans(),
    garbage=st.text(max_size=40),
)
def test_arbitrary_yaml_gives_a_model_or_clean_errors(tmp_path, value, target, raw, garbage):
    import yaml

    data = tmp_path / "data"
    if not data.exists():
        shutil.copytree(FIXTURES / "good", data)
    original = (FIXTURES / "good" / f"{target}.yml").read_text()
    text = garbage if raw else yaml.safe_dump({target: value}, allow_unicode=True)
    (data / f"{target}.yml").write_text(text)
    try:
        load_roadmap(data)
    except DataError as exc:
        assert exc.problems and all(p.file.startswith("data/") for p in exc.problems)
    finally:
        (data / f"{target}.yml").write_text(original)


def test_five_thousand_nested_brackets_are_reported_at_their_line(tmp_path):
    """Deeper than Python's own YAML reader can recurse: libyaml's words, with the line."""
    data = _dataset(tmp_path)
    (data / "glossary.yml").write_text("terms:\n  - id: x\n    extra: " + "[" * 5000 + "]" * 5000)
    with pytest.raises(DataError) as caught:
        load_roadmap(data)
    assert [str(p) for p in caught.value.problems] == [
        "data/glossary.yml:3:1009: YAML syntax error: exceeded maximum nesting depth (while "
        "increasing flow level); nesting is deeper than 20 levels; the data files never need that"
    ]


_TWO_PHASES = """funding_sources:
  - id: core
    name: {en: Core budget}
resources:
  - id: R1.1
    phase: P1
    kind: human
    title: {en: Core team}
    quantity: 3
    unit: fte
    amount: 300000
    currency: USD
    funding: core
    recurrence: annual
  - id: R1.2
    phase: P1
    kind: financial
    title: {en: Build}
    amount: 100000
    currency: USD
    funding: core
  - id: R2.1
    phase: P2
    kind: human
    title: {en: Expanded core team}
    quantity: 5
    unit: fte
    amount: 500000
    currency: USD
    funding: core
    recurrence: annual
    continues: R1.1
  - id: R2.2
    phase: P2
    kind: financial
    title: {en: Extend}
    amount: 50000
    currency: USD
    funding: core
"""


def test_totals_across_phases_are_the_peak_not_a_sum_of_phases(tmp_path):
    """The same team in two phases is 5 FTE at the peak, not 8; annual costs of phases that never
    run at once are the busiest year's, not their sum; one-off costs add up."""
    from decimal import Decimal

    from roadmap.model import totals
    from roadmap.render import resources

    data = _dataset(tmp_path)
    (data / "resources.yml").write_text(_TWO_PHASES, encoding="utf-8")
    roadmap = load_roadmap(data)
    peak = totals.peak(roadmap.resources, [p.id for p in roadmap.phases])
    assert peak.people == {"fte": Decimal("5")}
    assert {(k.recurrence, v) for k, v in peak.money.items()} == {
        ("annual", Decimal("500000")),
        ("one-off", Decimal("150000")),
    }
    html = resources.summary(roadmap, "en", "resources.md").replace("\xa0", " ")
    grand = html[html.index('class="roadmap-grand"') :]
    assert "5 FTE at the peak" in grand and "8 FTE" not in html
    assert "US$500,000 per year at the peak" in grand and "US$800,000" not in html
    assert "US$150,000 one-off" in grand
    assert "3 FTE" in html and "US$300,000 per year" in html  # each phase keeps its own


def test_project_quotations_of_the_agreement_are_checked(tmp_path):
    """The quotation rule reads the real data: each quotation found has a reference text, and a
    word changed in one of them is reported with its file and line."""
    from roadmap.model.rules.quotations import quotations
    from roadmap.model.schema import iter_texts

    roadmap = load_roadmap(ROOT / "data")
    found = [
        article
        for item in (*roadmap.terms, *roadmap.activities)
        for _, text in iter_texts(item)
        for value in text.root.values()
        for article, _ in quotations(value)
    ]
    assert found and set(found) <= {a.id for a in roadmap.articles}
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    workplan = data / "workplan.yml"
    workplan.write_text(
        workplan.read_text(encoding="utf-8").replace(
            '"shall only be accessed with the', '"shall only be accessed, as appropriate, with the'
        ),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_roadmap(data)
    assert [p.message.split(":")[0] for p in caught.value.problems] == [
        "the quotation of Article 13 differs from its text in data/glossary.yml"
    ]


@pytest.mark.commands
def test_a_page_that_misquotes_an_article_fails_the_check_with_its_line(project_copy):
    """`roadmap check` compares quotations in pages too: the misquotation of Article 13 that a
    page once carried ("as appropriate" added) is an error at its line, in any language."""
    from tests.helpers import edit, run_roadmap

    page = project_copy / "docs/en/modalities.md"
    edit(
        page,
        "## Relation to the roadmap {#roadmap-relation}\n",
        '## Relation to the roadmap {#roadmap-relation}\n\nUnder Article 13, such knowledge "shall '
        "only be accessed with the free, prior and informed consent or approval and involvement, "
        'as appropriate" (Article 13).\n',
    )
    line = (
        page.read_text(encoding="utf-8")
        .splitlines()
        .index("## Relation to the roadmap {#roadmap-relation}")
        + 3
    )
    proc = run_roadmap("--project", str(project_copy), "check")
    assert proc.returncode == 1
    assert (
        f"docs/en/modalities.md:{line}: the quotation of Article 13 differs from its text in "
        "data/glossary.yml: 'shall only be accessed with the free, prior and informed consent or "
        "approval and involvement, as appropriate' is not in it" in proc.stderr
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            '"shall be on mutually agreed terms" (Article 13)',
            [("13", "shall be on mutually agreed terms")],
        ),
        ("« conditions convenues » (article 51(3))", [("51(3)", "conditions convenues")]),
        ("“condiciones” (artículo 13)", [("13", "condiciones")]),
        ("«условиях» (статья 13)", [("13", "условиях")]),
        ("“共同商定的条件”（第13条）", [("13", "共同商定的条件")]),
        ('"شروط" (المادة 13)', [("13", "شروط")]),
        ("the “zero draft” (see draft 2)", []),  # a parenthesis naming no article: no quotation
    ],
)
def test_a_quotation_is_marks_then_its_article_in_any_language(text, found):
    from roadmap.model.rules.quotations import quotations

    assert list(quotations(text)) == found
