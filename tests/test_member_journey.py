"""A group member's pull request, walked as CONTRIBUTING.md tells it: the example activity in
English and French only, one English sentence reworded, committed on a branch. The content in
progress is reported (check, the pull request's summary) and refused at publish only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.drafts_history import SITE_URL, WITHOUT_EDITIONS, init_repo, sh
from tests.helpers import ROOT, commit_all, copy_project, edit, run_roadmap, settle, with_repository

OTHERS = ("ar", "zh", "ru", "es")  # the languages the member did not write
REWORDED = "docs/en/group.md#composition"


def contributing_example() -> str:
    """The activity of CONTRIBUTING.md's 'Example 3: add an activity', as a member copies it."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = guide.split("## Example 3: add an activity", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert block, "CONTRIBUTING.md's example 3 has no YAML block"
    lines = block.group(1).splitlines()
    indent = len(lines[0]) - len(lines[0].lstrip())
    return "\n".join(line[indent - 2 :] if line.strip() else "" for line in lines) + "\n"


@pytest.fixture
def member_branch(tmp_path) -> tuple[Path, dict[tuple[str, str], str]]:
    """A repository of the project with every translation recorded on main, and a member's
    branch with the example activity and a reworded sentence; and what was pending on main."""
    repo = copy_project(tmp_path / "repo")
    before = settle(repo)
    init_repo(repo)
    commit_all(repo, "main")
    sh(repo, "git", "checkout", "-q", "-b", "new-activity")
    workplan = repo / "data/workplan.yml"
    workplan.write_text(workplan.read_text().rstrip("\n") + "\n" + contributing_example())
    edit(
        repo / "docs/en/group.md",
        "The experts should be suitably qualified",
        "The experts should be duly qualified",
    )
    commit_all(repo, "A1.19: consultation of regional seas organizations")
    return repo, before


@pytest.mark.commands
def test_the_contributing_example_passes_the_check_and_is_reported(member_branch):
    repo, before = member_branch
    check = run_roadmap("--project", str(repo), "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "translations in progress" in check.stdout
    assert re.search(
        r"fr \(French\): [\d.]+% current \(\d+ of \d+\), 2 unreviewed, 1 outdated", check.stdout
    )
    notices = run_roadmap("--project", str(repo), "check", "--format", "github").stdout
    assert "::notice file=data/workplan.yml,line=" in notices
    assert "fr translation unreviewed: data/workplan.yml#A1.19.title" in notices

    summary = run_roadmap("--project", str(repo), "translations", "--format", "markdown")
    rows = set(re.findall(r"^\| (\w\w) \| (\w+) \| `([^`]+)` \|$", summary.stdout, re.M))
    new = {
        ("fr", "unreviewed", "data/workplan.yml#A1.19.title"),
        ("fr", "unreviewed", "data/workplan.yml#A1.19.deliverables[0]"),
        ("fr", "missing", "data/workplan.yml#A1.19.description"),
        *((lang, "outdated", REWORDED) for lang in ("fr", *OTHERS)),
        *(
            (lang, "missing", f"data/workplan.yml#A1.19.{field}")
            for lang in OTHERS
            for field in ("title", "description", "deliverables[0]")
        ),
    }
    assert rows == new | {(lang, state, source) for (lang, source), state in before.items()}
    assert (
        "should be [-suitably-]{+duly+} qualified" in summary.stdout
    )  # the English before and after


@pytest.mark.commands
@pytest.mark.publish
def test_publishing_the_branch_is_refused_unless_allowed_and_then_says_so(member_branch):
    repo, _ = member_branch
    draft = re.findall(r"^  - id: (draft-\d+)", (repo / "data/drafts.yml").read_text(), re.M)[-1]

    def publish(*extra: str):
        return run_roadmap(
            *("--project", str(repo), "publish", draft, "--site-url", SITE_URL, *extra),
            command=WITHOUT_EDITIONS,
        )

    placeholder = publish("--allow-incomplete")
    assert placeholder.returncode == 1 and "extra.repository is still the placeholder" in (
        placeholder.stderr
    )
    with_repository(repo)
    commit_all(repo, "The project's repository")
    refused = publish()
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "fr: unreviewed data/workplan.yml#A1.19.title" in refused.stderr
    assert f"es: outdated   {REWORDED}" in refused.stderr
    assert "--allow-incomplete" in refused.stderr and "nothing was published" in refused.stderr
    assert sh(repo, "git", "branch", "--list", "gh-pages") == ""

    done = publish("--allow-incomplete")
    assert done.returncode == 0, done.stdout + done.stderr
    page = sh(repo, "git", "show", f"gh-pages:es/{draft}/group/index.html")
    assert "roadmap-translation-outdated" in page and 'href="../../../en/' in page
    workplan = sh(repo, "git", "show", f"gh-pages:fr/{draft}/workplan/index.html")
    assert (
        'id="A1.19"' in workplan and "Consultation des organisations de mers régionales" in workplan
    )


@pytest.mark.commands
def test_three_mistakes_in_three_files_and_two_layers_are_reported_in_one_check(project_copy):
    """A wrong date (the file's shape), a funding source that does not exist (a rule across files)
    and a reference to no item (a page): one run, all three, so one round on GitHub."""
    edit(project_copy / "data/workplan.yml", "    start: 2026-04-01\n", "    start: 2026-02-30\n")
    edit(project_copy / "data/resources.yml", "funding: special-fund\n", "funding: special-funds\n")
    edit(project_copy / "docs/fr/group.md", "{#mandate}\n", '{#mandate}\n\n{{ ref("A1.33") }}\n')
    proc = run_roadmap("--project", str(project_copy), "check")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if re.match(r"^\S+:\d+", line)]
    assert len(errors) == 3, proc.stderr
    assert any(
        re.match(r"data/workplan\.yml:\d+:\d+: .*'2026-02-30' is not a real date", e)
        for e in errors
    )
    assert any(
        re.match(
            r"data/resources\.yml:\d+:\d+: resources\[\d+\]\.funding: 'special-funds' is "
            r"not a funding source \(did you mean 'special-fund'\?",
            e,
        )
        for e in errors
    )
    assert any(
        e.startswith("docs/fr/group.md:") and "ref('A1.33')" in e and "did you mean 'A1.3'" in e
        for e in errors
    )
    assert "3 errors in the data and the pages." in proc.stderr


@pytest.fixture(scope="module")
def disk_preview(tmp_path_factory) -> Path:
    """The preview a pull request uploads (`roadmap build --disk-preview`), in three languages."""
    out = tmp_path_factory.mktemp("preview") / "preview"
    site = out.parent / "site"
    langs = [arg for code in ("en", "fr", "ar") for arg in ("--lang", code)]
    proc = run_roadmap("build", *langs, "--site-dir", str(site), "--disk-preview", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.mark.browser
@pytest.mark.build
def test_the_preview_opens_from_disk_with_links_languages_and_search(browser, disk_preview):
    """A reviewer unzips the pull request's preview and opens index.html: no server."""
    from tests.helpers import KNOWN_WORDS
    from tests.visits import desktop

    context = desktop(browser, [], audited=False)
    page = context.new_page()
    page.goto((disk_preview / "index.html").as_uri())
    page.locator('a[hreflang="fr"]').first.click()
    page.wait_for_url("**/fr/index.html")
    page.locator('.md-nav a[href="group.html"]').first.click()
    page.wait_for_url("**/fr/group.html")
    assert page.locator("h1").count() == 1
    page.locator('.roadmap-lang-link[hreflang="ar"]').first.dispatch_event("click")
    page.wait_for_url("**/ar/group.html")  # the same page in another language, from disk
    assert page.locator("html").get_attribute("lang") == "ar"
    page.keyboard.press("/")
    page.locator(".md-search__input").press_sequentially(KNOWN_WORDS["ar"], delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    results.first.locator("a").first.click()
    page.wait_for_url(disk_preview.as_uri() + "/ar/*.html*")
    context.close()
