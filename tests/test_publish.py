"""Publishing drafts as permanent versions, in temporary git repositories.

One session-scoped history is made the way a new user would: a bare `origin`, draft 1 published
and pushed from one clone, drafts 2 and 3 from a fresh clone. Tests that break things work on
copies of it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import urllib.request
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup

from roadmap import gitrepo
from roadmap.i18n import CODES, DEFAULT
from tests.drafts_history import (
    SITE_URL,
    WITHOUT_EDITIONS,
    add_draft,
    branch_files,
    commit,
    publish,
    sh,
)
from tests.helpers import ROOT, edit, run_roadmap
from tests.publish_without_editions import no_editions
from tests.visits import DESKTOP, PHONE


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def action(div) -> str:
    return next(c for c in div["class"] if "--" in c).split("--")[1]


def hrefs(soup) -> set[str]:
    return {a["href"] for a in soup.find_all("a", href=True)}


def ids(soup) -> set[str]:
    return {tag["id"] for tag in soup.find_all(id=True)}


def read(repo: Path, path: str) -> str:
    return gitrepo.git(repo, "show", f"gh-pages:{path}").decode("utf-8")


@pytest.fixture(scope="session")
def history(history_in_background):
    """Three drafts published (tests/drafts_history.py, begun when the session began): the
    clone they were published from, the bare origin, the branch after each, the last output."""
    return history_in_background.result()


@pytest.fixture
def scratch(history, tmp_path) -> Path:
    """A copy of the published repository, to break."""
    dest = tmp_path / "scratch"
    shutil.copytree(history["repo"], dest, symlinks=True)
    return dest


@pytest.mark.publish
def test_publish_reports_progress_per_language_and_a_summary(history):
    out = history["output"]
    for code in CODES:
        assert f"[{code}] built" in out and f"[{code}] deployed to {code}/draft-3/" in out
    assert "published draft-3 in 6 languages" in out


@pytest.mark.publish
def test_every_file_of_earlier_drafts_is_byte_identical_afterwards(history):
    snaps = history["snapshots"]
    for number, later in ((1, 2), (1, 3), (2, 3)):
        before = {
            p: b
            for p, b in snaps[number].items()
            if any(p.startswith(f"{c}/draft-{number}/") for c in CODES)
            or p == f"manifests/draft-{number}.sha256"
            or p.startswith("assets/")  # the shared theme files: never overwritten either
        }
        assert len(before) > 200 and any(p.startswith("assets/") for p in before)
        after = {p: snaps[later].get(p) for p in before}
        assert after == before, f"draft-{number} changed when draft-{later} was published"


@pytest.mark.publish
def test_pushed_branch_and_tags_are_on_the_remote(history):
    origin, repo = history["origin"], history["repo"]
    assert gitrepo.rev(origin, "refs/heads/gh-pages") == gitrepo.rev(repo, "refs/heads/gh-pages")
    assert set(gitrepo.draft_tags(origin).values()) == {"draft-1", "draft-2", "draft-3"}
    # Each tag is the commit the draft was published from.
    assert sh(repo, "git", "log", "-1", "--format=%s", "draft-2").strip() == "Revised draft"


@pytest.mark.publish
def test_latest_resolves_to_the_newest_draft(history):
    repo = history["repo"]
    for code in CODES:
        versions = json.loads(read(repo, f"{code}/versions.json"))
        assert [v["version"] for v in versions] == ["draft-3", "draft-2", "draft-1"]
        assert versions[0]["aliases"] == ["latest"] and versions[1]["aliases"] == []
        assert 'href="latest/"' in read(repo, f"{code}/index.html")
    redirect = read(repo, "fr/latest/workplan/index.html")
    assert 'window.location.replace("../../draft-3/workplan/"' in redirect
    assert '<html lang="fr"' in redirect


@pytest.mark.publish
def test_root_has_the_chooser_and_a_404_with_a_way_back(history):
    repo = history["repo"]
    chooser = soup(read(repo, "index.html"))
    assert hrefs(chooser) >= {f"{c}/" for c in CODES}
    not_found = soup(read(repo, "404.html"))
    assert hrefs(not_found) >= {f"/{c}/" for c in CODES}


@pytest.mark.publish
def test_republishing_a_draft_is_refused_and_changes_nothing(scratch):
    before = gitrepo.rev(scratch, "refs/heads/gh-pages")
    proc = publish(scratch, "draft-3")
    assert proc.returncode == 1
    assert "draft-3 is already published" in proc.stderr and "Traceback" not in proc.stderr
    proc = publish(scratch, "draft-2")
    assert proc.returncode == 1 and "earlier draft" in proc.stderr
    assert gitrepo.rev(scratch, "refs/heads/gh-pages") == before


@pytest.mark.publish
def test_a_broken_language_build_leaves_the_branch_unchanged(scratch):
    before = gitrepo.rev(scratch, "refs/heads/gh-pages")
    add_draft(scratch, 4, "Fourth draft", "2026-02-01")
    # A mistake only the build finds: the page check calls macros with literal arguments only.
    edit(
        scratch / "docs/ru/roadmap.md",
        "{{ timeline() }}",
        '{{ timeline() }} {% set item = "A9.9" %}{{ ref(item) }}',
    )
    commit(scratch, "Draft 4, with a mistake in the Russian roadmap page")
    proc = publish(scratch, "draft-4", "--allow-incomplete")
    assert proc.returncode == 1
    assert "[ru] build failed" in proc.stderr and "docs/ru/roadmap.md" in proc.stderr
    assert "nothing was published" in proc.stderr
    assert gitrepo.rev(scratch, "refs/heads/gh-pages") == before
    assert gitrepo.rev(scratch, "refs/tags/draft-4") is None


@pytest.mark.publish
def test_a_page_mistake_is_refused_before_building(scratch):
    before = gitrepo.rev(scratch, "refs/heads/gh-pages")
    add_draft(scratch, 4, "Fourth draft", "2026-02-01")
    edit(scratch / "docs/ar/group.md", "{#mandate}", "{#mandat}")  # a cited anchor would break
    commit(scratch, "Draft 4, with an Arabic heading id that is not the English one")
    proc = publish(scratch, "draft-4")
    assert proc.returncode == 1
    assert (
        "docs/ar/group.md:" in proc.stderr
        and "the heading id 'mandat' is not in the English page" in proc.stderr
    )
    assert "there are errors in the pages; nothing was published" in proc.stderr
    assert "building" not in proc.stdout
    assert gitrepo.rev(scratch, "refs/heads/gh-pages") == before
    assert gitrepo.rev(scratch, "refs/tags/draft-4") is None


@pytest.mark.publish
def test_a_failure_while_deploying_puts_the_branch_back(scratch, monkeypatch):
    """Three languages are committed to the branch when the fourth fails: all are undone.
    (Without the PDFs and offline copies, which play no part in it.)"""
    from mike import commands

    from roadmap import publish as publishing

    add_draft(scratch, 4, "Fourth draft", "2026-02-01")
    commit(scratch, "Draft 4")
    before = gitrepo.rev(scratch, "refs/heads/gh-pages")
    real = commands.deploy

    def failing(cfg, version, *args, deploy_prefix="", **kwargs):
        if deploy_prefix == "fr":
            raise OSError("disk full (injected)")
        return real(cfg, version, *args, deploy_prefix=deploy_prefix, **kwargs)

    monkeypatch.setattr(publishing.mike, "deploy", failing)
    monkeypatch.setattr(publishing, "_make_editions", no_editions)
    with pytest.raises(publishing.PublishError, match="disk full"):
        publishing.publish(
            scratch,
            "draft-4",
            publishing.Options(site_url=SITE_URL, allow_incomplete=True),
            report=lambda _: None,
        )
    assert gitrepo.rev(scratch, "refs/heads/gh-pages") == before
    assert gitrepo.rev(scratch, "refs/tags/draft-4") is None


@pytest.mark.publish
def test_uncommitted_changes_and_a_local_address_are_refused(scratch):
    add_draft(scratch, 4, "Fourth draft", "2026-02-01")
    proc = publish(scratch, "draft-4")
    assert proc.returncode == 1 and "data/drafts.yml" in proc.stderr and "commit" in proc.stderr
    commit(scratch, "Draft 4")
    proc = run_roadmap(
        "--project",
        str(scratch),
        "publish",
        "draft-4",
        "--site-url",
        "http://127.0.0.1:8000/",
        "--allow-incomplete",
    )
    assert proc.returncode == 1 and "local one" in proc.stderr


def _refs(repo: Path) -> str:
    """Every branch and tag of a repository, with what it points to."""
    return sh(
        repo, "git", "for-each-ref", "--format=%(refname) %(objectname)", "refs/heads", "refs/tags"
    )


@pytest.mark.publish
def test_two_publishers_at_once_one_publishes_the_other_is_refused(history, tmp_path):
    """Two clones publish the same draft at the same time: one wins, the other is told so and
    its clone and the remote stay as they were (the winner's draft on the remote). Both run
    `roadmap publish` without the PDFs and offline copies (tests/publish_without_editions.py)."""
    origin = tmp_path / "origin.git"
    shutil.copytree(history["origin"], origin)
    clones = []
    for name in ("alice", "bruno"):
        clone = tmp_path / name
        sh(tmp_path, "git", "clone", "-q", str(origin), str(clone))
        sh(clone, "git", "config", "user.email", f"{name}@example.org")
        sh(clone, "git", "config", "user.name", name)
        sh(clone, "git", "fetch", "-q", "origin", "gh-pages:gh-pages")
        add_draft(clone, 4, f"Fourth draft by {name}", "2026-02-01")
        commit(clone, f"Draft 4 by {name}")
        clones.append(clone)
    before = {clone: _refs(clone) for clone in clones}
    procs = [
        subprocess.Popen(
            [
                *WITHOUT_EDITIONS,
                "--project",
                str(clone),
                "publish",
                "draft-4",
                "--site-url",
                SITE_URL,
                "--push",
                "--allow-incomplete",  # draft 4's title is in English only
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for clone in clones
    ]
    results = [proc.communicate(timeout=600) + (proc.returncode,) for proc in procs]
    codes = sorted(code for _, _, code in results)
    assert codes == [0, 1], results
    winner, loser = (clones[0], clones[1]) if results[0][2] == 0 else (clones[1], clones[0])
    message = results[clones.index(loser)][1]
    assert "another publisher" in message or "already published" in message, message
    assert _refs(loser) == before[loser]  # its clone as it was
    remote = sh(origin, "git", "rev-parse", "refs/heads/gh-pages", "refs/tags/draft-4")
    mine = sh(winner, "git", "rev-parse", "refs/heads/gh-pages", "refs/tags/draft-4")
    assert remote == mine  # the remote holds the winner's draft, whole


@pytest.mark.publish
def test_a_second_publish_in_the_same_clone_is_refused(scratch):
    add_draft(scratch, 4, "Fourth draft", "2026-02-01")
    commit(scratch, "Draft 4")
    before = _refs(scratch)
    lock = (
        Path(sh(scratch, "git", "rev-parse", "--absolute-git-dir").strip()) / "roadmap-publish.lock"
    )
    lock.write_text("4242")  # a publish under way
    proc = publish(scratch, "draft-4")
    assert proc.returncode == 1 and "another `roadmap publish` is running" in proc.stderr
    assert _refs(scratch) == before and lock.exists()  # the running one's lock is left alone


@pytest.mark.publish
def test_outdated_translations_are_refused_then_published_with_notices(scratch):
    """Draft 2 edited English and drafts 2 to 4 have English titles only: the gate lists them.
    (Published without the PDFs and offline copies, tests/publish_without_editions.py.)"""
    before = gitrepo.rev(scratch, "refs/heads/gh-pages")
    add_draft(scratch, 4, "Fourth draft", "2026-02-01")
    commit(scratch, "Draft 4")
    proc = publish(scratch, "draft-4")
    assert proc.returncode == 1
    for lang in ("ar", "zh", "fr", "ru", "es"):
        assert f"{lang}: outdated   docs/en/roadmap.md#_top" in proc.stderr
        assert f"{lang}: outdated   data/workplan.yml#A1.1.title" in proc.stderr
        assert f"{lang}: missing    data/drafts.yml#draft-4.title" in proc.stderr
    assert "--allow-incomplete" in proc.stderr and "nothing was published" in proc.stderr
    assert gitrepo.rev(scratch, "refs/heads/gh-pages") == before
    proc = publish(scratch, "draft-4", "--allow-incomplete", editions=False)
    assert proc.returncode == 0, proc.stderr
    page = read(scratch, "fr/draft-4/roadmap/index.html")
    assert "roadmap-translation-outdated" in page
    assert 'href="../../../en/draft-4/roadmap/"' in page  # the English section, same draft
    assert "en/draft-4/roadmap/index.html" in branch_files(scratch)
    assert "roadmap-translation-outdated" in read(scratch, "es/draft-4/workplan/index.html")
    status = soup(read(scratch, "ru/draft-4/translations/index.html")).get_text()
    assert "data/drafts.yml#draft-4.title" in status and "docs/en/roadmap.md#_top" in status


@pytest.mark.publish
def test_verify_passes_then_names_a_tampered_file(scratch):
    proc = run_roadmap("--project", str(scratch), "verify")
    assert proc.returncode == 0, proc.stderr
    assert "draft-1:" in proc.stdout and "draft-3:" in proc.stdout
    # Someone edits a published page on the branch, by an ordinary commit.
    sh(scratch, "git", "checkout", "-q", "gh-pages")
    page = scratch / "es/draft-1/roadmap/index.html"
    page.write_text(page.read_text().replace("</h1>", " (corregido)</h1>", 1))
    commit(scratch, "Quiet correction")
    sh(scratch, "git", "checkout", "-q", "main")
    proc = run_roadmap("--project", str(scratch), "verify")
    assert proc.returncode == 1
    assert "changed: es/draft-1/roadmap/index.html" in proc.stderr
    assert "draft-2: " in proc.stdout  # the other drafts still check out


@pytest.mark.publish
def test_manifest_lists_every_file_of_the_draft_with_its_sha256(history):
    import hashlib

    repo = history["repo"]
    lines = read(repo, "manifests/draft-2.sha256").splitlines()
    listed = {line[66:]: line[:64] for line in lines}
    files = [p for p in branch_files(repo) if any(p.startswith(f"{c}/draft-2/") for c in CODES)]
    shared = set(listed) - set(files)  # and the shared theme files its pages use
    assert shared and all(re.fullmatch(r"assets/[0-9a-f]{12}/.+", p) for p in shared)
    assert shared <= set(branch_files(repo))
    path = "zh/draft-2/workplan/index.html"
    assert listed[path] == hashlib.sha256(gitrepo.git(repo, "show", f"gh-pages:{path}")).hexdigest()


@pytest.mark.publish
def test_changes_page_lists_exactly_the_changes_made(history):
    repo = history["repo"]
    page = soup(read(repo, "en/draft-2/changes/index.html"))
    items = {(action(div), div.find("strong").text) for div in page.select("div.roadmap-change")}
    assert items == {("changed", "A1.1"), ("changed", "R1.2"), ("removed", "R1.3")}
    a11 = page.select("div.roadmap-change--changed")[0]
    assert [dt.text for dt in a11.select("dt")] == ["Title", "End"]
    assert " ".join(a11.select("dd")[0].find("ins").text.split()) == "inserted: core"
    assert "10 May 2026" in a11.select("dd")[1].text and "15 May 2026" in a11.select("dd")[1].text
    r12 = page.select("div.roadmap-change--changed")[1]
    assert "120,000" in r12.find("del").text and "150,000" in r12.find("ins").text
    redline = page.select("div.roadmap-redline")
    assert len(redline) == 1 and "human, technical and financial" in redline[0].find("ins").text
    # The next draft: only the resource added, no page changed.
    page3 = soup(read(repo, "en/draft-3/changes/index.html"))
    assert {(action(d), d.find("strong").text) for d in page3.select("div.roadmap-change")} == {
        ("added", "R1.17")
    }
    assert not page3.select("div.roadmap-redline")
    first = soup(read(repo, "fr/draft-1/changes/index.html"))
    assert "premier projet" in first.select("p.roadmap-changes-none")[0].text.lower()


@pytest.mark.publish
def test_changes_page_in_chinese_redlines_words(history):
    page = soup(read(history["repo"], "zh/draft-2/changes/index.html"))
    assert page.select("div.roadmap-change--removed")
    assert "150,000" in page.get_text()


@pytest.mark.publish
def test_cite_box_gives_the_permanent_address_of_the_draft(history):
    repo = history["repo"]
    for code in ("fr", "ar"):
        page = soup(read(repo, f"{code}/draft-2/workplan/index.html"))
        box = page.select("aside.roadmap-cite")[0]
        assert box.find("code").text == f"{SITE_URL}{code}/draft-2/workplan/"
        assert "BBNJ/PC/3/INF/1" in box.text
        assert "latest" not in box.text
    # Through the `latest` alias a reader lands on draft-3, whose box names draft-3.
    box = soup(read(repo, "en/draft-3/index.html")).select("aside.roadmap-cite")[0]
    assert box.find("code").text == f"{SITE_URL}en/draft-3/"


@pytest.mark.publish
def test_items_have_the_same_permalink_in_every_language(history):
    repo = history["repo"]
    for code in CODES:
        work = soup(read(repo, f"{code}/draft-3/workplan/index.html"))
        road = soup(read(repo, f"{code}/draft-3/roadmap/index.html"))
        assert {"A1.1", "A1.3", "A1.16"} <= ids(work)
        assert {"P1", "P1.O1", "P1.M1", "P2"} <= ids(road)


@pytest.mark.publish
def test_downloads_of_each_draft_and_language(history):
    repo = history["repo"]
    data = json.loads(read(repo, "en/draft-2/downloads/roadmap.json"))
    schema = json.loads(read(repo, "en/draft-2/downloads/roadmap.schema.json"))
    jsonschema.validate(data, schema)
    assert data["draft"]["id"] == "draft-2"
    assert next(r for r in data["resources"] if r["id"] == "R1.2")["amount"] == 150000
    assert not any(r["id"] == "R1.3" for r in data["resources"])
    rows = list(
        csv.reader(io.StringIO(read(repo, "fr/draft-2/downloads/workplan.csv").lstrip("\ufeff")))
    )
    assert rows[0][0] == "Identifiant" and len(rows) == 1 + len(data["activities"])
    assert rows[1][0] == "A1.1" and rows[1][7] == "2026-05-10"
    old = json.loads(read(repo, "en/draft-1/downloads/roadmap.json"))
    assert next(r for r in old["resources"] if r["id"] == "R1.2")["amount"] == 120000
    links = hrefs(soup(read(repo, "ru/draft-3/resources/index.html")))
    assert {"../downloads/roadmap.json", "../downloads/resources.csv"} <= links


@pytest.mark.publish
def test_every_draft_carries_its_pdf_and_offline_copy_in_every_language(history):
    """Beside each draft, covered by its manifest, linked from its pages with their size."""
    import zipfile

    from roadmap.editions import names
    from roadmap.render.editions import megabytes

    repo = history["repo"]
    files = branch_files(repo)
    for number in (1, 2, 3):
        draft = f"draft-{number}"
        listed = set(manifest_paths(repo, draft))
        for code in CODES:
            for path in names.paths(draft, code).values():
                assert f"{code}/{draft}/{path}" in files and f"{code}/{draft}/{path}" in listed
    data = gitrepo.git(repo, "show", "gh-pages:ar/draft-3/" + names.paths("draft-3", "ar")["pdf"])
    assert data.startswith(b"%PDF-")
    blob = gitrepo.git(
        repo, "show", "gh-pages:fr/draft-2/" + names.paths("draft-2", "fr")["offline"]
    )
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        top = names.offline("draft-2", "fr").removesuffix(".zip")
        assert f"{top}/index.html" in archive.namelist()
        page = archive.read(f"{top}/workplan.html").decode("utf-8")
    assert f'href="{SITE_URL}es/draft-2/workplan/"' in page  # other languages: online
    cite = read(repo, "ru/draft-3/cite/index.html")
    pdf = "ru/draft-3/" + names.paths("draft-3", "ru")["pdf"]
    size = len(gitrepo.git(repo, "show", f"gh-pages:{pdf}"))
    assert (
        f'href="../{names.paths("draft-3", "ru")["pdf"]}"' in cite and megabytes(size, "ru") in cite
    )


def manifest_paths(repo: Path, draft: str) -> list[str]:
    return [line[66:] for line in read(repo, f"manifests/{draft}.sha256").splitlines()]


@pytest.mark.publish
def test_verify_names_a_tampered_pdf(scratch):
    from roadmap.editions import names

    sh(scratch, "git", "checkout", "-q", "gh-pages")
    path = "zh/draft-2/" + names.paths("draft-2", "zh")["pdf"]
    pdf = scratch / path
    pdf.write_bytes(pdf.read_bytes() + b"% annotated\n")  # still opens as a PDF
    commit(scratch, "A fixed PDF")
    sh(scratch, "git", "checkout", "-q", "main")
    proc = run_roadmap("--project", str(scratch), "verify")
    assert proc.returncode == 1
    assert f"changed: {path}" in proc.stderr


# --- the theme's files, shared by every language and draft ----------------------------------

SHARED = re.compile(r"assets/([0-9a-f]{12})/")


def theme_files(repo: Path, page: str) -> set[str]:
    """The branch paths of the theme files a published page names: stylesheets, scripts, its
    icon and the search worker of Material's __config (resolved from the page's folder)."""
    import posixpath

    html = soup(read(repo, page))
    refs = [t["href"] for t in html.select("link[rel=stylesheet], link[rel=icon]")]
    refs += [t["src"] for t in html.select("script[src]")]
    refs.append(json.loads(html.select_one("#__config").string)["search"])
    here = posixpath.dirname(page)
    return {posixpath.normpath(posixpath.join(here, r)) for r in refs if "newest-draft" not in r}


@pytest.mark.publish
def test_theme_files_are_shared_by_every_language_and_draft(history):
    """One address per file for every language and draft, under a name made of its content,
    at the site's root: a reader who changes language or draft has them already."""
    import hashlib

    repo = history["repo"]
    files = branch_files(repo)
    seen = {
        (code, draft): theme_files(repo, f"{code}/{draft}/workplan/index.html")
        for code, draft in (("en", "draft-1"), ("ar", "draft-1"), ("fr", "draft-3"))
    }
    first = seen["en", "draft-1"]
    assert len(first) >= 6 and all(seen_ == first for seen_ in seen.values()), seen
    assert all(SHARED.match(p) and p in files for p in first), first
    for path in first:  # a file alone is named by the first digits of its own SHA-256
        if path.count("/") == 2:
            data = gitrepo.git(repo, "show", f"gh-pages:{path}")
            assert hashlib.sha256(data).hexdigest().startswith(SHARED.match(path).group(1))
    assert {p.rsplit("/", 1)[1] for p in first} >= {"roadmap.css", "roadmap.js", "favicon.png"}
    assert not [p for p in files if re.match(r"[a-z]{2}/draft-\d/assets/", p)]
    # The 404 page, served at any depth, names them from the site's root.
    missing = soup(read(repo, "zh/draft-2/404.html")).select("link[rel=stylesheet]")
    assert missing and all(SHARED.match(t["href"].removeprefix("/")) for t in missing)
    for number in (1, 2, 3):  # each draft's manifest covers the shared files its pages use
        assert first <= set(manifest_paths(repo, f"draft-{number}"))


@pytest.mark.publish
def test_a_shared_file_is_never_given_other_bytes(history, tmp_path):
    """Publishing writes a shared address only if the branch lacks it, and refuses if the
    branch holds other bytes there (a tampered branch): nothing is overwritten."""
    from roadmap.site import shared_assets

    repo = history["repo"]
    files = branch_files(repo)
    css = next(p for p in files if SHARED.match(p) and p.endswith("/roadmap.css"))
    built = tmp_path / "en"
    (built / "assets").mkdir(parents=True)
    (built / "assets/roadmap.css").write_bytes(gitrepo.git(repo, "show", f"gh-pages:{css}"))
    (built / "index.html").write_text('<link rel="stylesheet" href="assets/roadmap.css">')
    shared = shared_assets.share({"en/draft-9": built}, tmp_path / "site")
    assert f'href="../../{css}"' in (built / "index.html").read_text()
    assert not (built / "assets").exists()
    assert shared.files(files) == {}  # already there, the same bytes: left alone
    assert list(shared.files({})) == [css]
    with pytest.raises(shared_assets.SharedAssetsError, match=f"{css} is already published"):
        shared.files({**files, css: "0" * 40})


def test_a_stylesheets_url_of_another_theme_file_is_pointed_at_its_shared_address(tmp_path):
    """url() inside an entry stays as it is (the entry keeps its layout); one that leaves its
    entry is pointed at the other entry's shared address, before the stylesheet is hashed."""
    from roadmap.site import shared_assets

    built = tmp_path / "fr"
    (built / "assets/images").mkdir(parents=True)
    (built / "assets/stylesheets").mkdir()
    (built / "assets/images/mark.png").write_bytes(b"PNG")
    (built / "assets/stylesheets/a.css").write_text(
        'a{background:url("../images/mark.png?v=1")} b{background:url(data:,x)} '
        "c{background:url(b.css)}"
    )
    (built / "assets/stylesheets/b.css").write_text("")
    (built / "page").mkdir()
    (built / "page/index.html").write_text(
        '<link href="../assets/stylesheets/a.css"><p style="background:url(../assets/images/'
        'mark.png)"><a href="https://example.org/assets/x">x</a>'
    )
    shared = shared_assets.share({"fr/draft-1": built}, tmp_path / "site")
    units = {p.name: u for u, f in shared.folders().items() for p in f.iterdir()}
    css = (tmp_path / "site" / units["stylesheets"] / "stylesheets/a.css").read_text()
    assert f'url("../../{units["images"].split("/")[1]}/images/mark.png?v=1")' in css
    assert "url(data:,x)" in css and "url(b.css)" in css
    page = (built / "page/index.html").read_text()
    assert f'href="../../../{units["stylesheets"]}/stylesheets/a.css"' in page
    assert f"url(../../../{units['images']}/images/mark.png)" in page
    assert 'href="https://example.org/assets/x"' in page
    assert set(units) == {"images", "stylesheets"} and not (built / "assets").exists()


@pytest.mark.publish
def test_verify_names_a_tampered_or_missing_shared_file(scratch):
    files = branch_files(scratch)
    css = next(p for p in files if SHARED.match(p) and p.endswith("/roadmap.css"))
    favicon = next(p for p in files if SHARED.match(p) and p.endswith("/favicon.png"))
    sh(scratch, "git", "checkout", "-q", "gh-pages")
    (scratch / css).write_text((scratch / css).read_text() + "body { color: red }\n")
    (scratch / favicon).unlink()
    extra = scratch / css.replace("roadmap.css", "extra.css")
    extra.write_text("")
    commit(scratch, "A quick fix to the shared stylesheet")
    sh(scratch, "git", "checkout", "-q", "main")
    proc = run_roadmap("--project", str(scratch), "verify")
    assert proc.returncode == 1
    for draft in ("draft-1", "draft-2", "draft-3"):  # every draft whose pages use them
        assert re.search(rf"{draft}:.*changed: {re.escape(css)}", proc.stderr, re.S)
    assert f"missing: {favicon}" in proc.stderr
    assert extra.relative_to(scratch).as_posix() in proc.stderr


# --- the published branch in Chromium ------------------------------------------------------


@pytest.fixture(scope="session")
def published_server(history, tmp_path_factory):
    from quality.serving import served
    from roadmap.preview.server import PublishedHandler, export_branch

    site = tmp_path_factory.mktemp("published")
    export_branch(history["repo"], "gh-pages", site)
    with served(site, PublishedHandler) as base:
        yield base


@pytest.fixture
def reader(browser):
    context = browser.new_context(**DESKTOP)
    yield context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.publish
def test_old_drafts_show_the_banner_and_the_latest_does_not(reader, published_server):
    errors: list[str] = []
    reader.on("pageerror", lambda error: errors.append(str(error)))
    reader.goto(f"{published_server}/en/draft-1/workplan/")
    banner = reader.locator(".roadmap-newer--page")
    assert banner.is_visible()
    assert (
        "Illustrative zero draft: not a document of the informal group or of the Preparatory Commission (draft-1) of 14 November 2025"
        in banner.inner_text()
    )
    banner.locator("a").click()
    reader.wait_for_url(f"{published_server}/en/draft-3/workplan/")
    reader.wait_for_load_state("networkidle")
    assert reader.locator(".roadmap-newer").count() > 10  # every item has one, hidden
    assert reader.locator(".roadmap-newer:visible").count() == 0
    assert not errors  # the theme's banner script failed on `new URL` of a relative address


@pytest.mark.browser
@pytest.mark.publish
def test_pages_of_two_languages_and_drafts_load_the_same_shared_files_styled(
    browser, published_server
):
    """Arabic of draft-1 then French of draft-3 in one browser: every request answered, the
    theme's and our stylesheets applied, search (its worker and Arabic stemmer, at their shared
    address) finding a word; the second page asks for the very addresses the first did."""
    from tests.helpers import KNOWN_WORDS

    context = browser.new_context(**DESKTOP)
    failed: list[str] = []
    asked: list[str] = []
    context.on("requestfailed", lambda r: failed.append(f"{r.url} {r.failure}"))
    context.on("response", lambda r: r.status >= 400 and failed.append(f"{r.url} {r.status}"))
    context.on("request", lambda r: asked.append(r.url))
    page = context.new_page()
    styled = """() => [getComputedStyle(document.querySelector('.md-header')).backgroundColor,
        getComputedStyle(document.querySelector('aside.roadmap-cite')).borderInlineStartStyle]"""
    shared: dict[str, set[str]] = {}
    for path in ("/ar/draft-1/roadmap/", "/fr/draft-3/workplan/"):
        asked.clear()
        page.goto(published_server + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(styled) == ["rgb(64, 81, 181)", "solid"], path
        shared[path] = {u for u in asked if "/assets/" in u and not u.endswith((".json", ".map"))}
        if path.startswith("/ar/"):
            page.keyboard.press("/")
            page.locator(".md-search__input").press_sequentially(KNOWN_WORDS["ar"], delay=20)
            page.locator(".md-search-result__item").first.wait_for(timeout=15000)
            assert any(u.endswith("/javascripts/lunr/min/lunr.ar.min.js") for u in asked)
    context.close()
    assert not failed, failed
    first = {
        u for u in shared["/ar/draft-1/roadmap/"] if "/workers/" not in u and "/lunr/" not in u
    }
    assert len(first) >= 6 and first <= shared["/fr/draft-3/workplan/"], shared
    assert all(re.match(rf"{published_server}/assets/[0-9a-f]{{12}}/", u) for u in first), first


@pytest.mark.browser
@pytest.mark.publish
@pytest.mark.parametrize(
    "path,item",
    [
        ("/fr/draft-1/workplan/", "A1.3"),  # an activity: its heading is the target
        ("/ar/draft-2/roadmap/", "P1.O2"),  # an objective: a list item
        ("/zh/draft-2/resources/", "R1.2"),  # a resource: a table row
        ("/en/draft-1/glossary/", "abnj"),  # a term: its definition follows it
    ],
)
def test_a_link_to_an_old_drafts_item_shows_the_notice_beside_it_without_script(
    browser, published_server, path, item
):
    """The notice is in the page, shown by the site's newest-draft.css (no script), at the top
    and beside the item the link led to, on screen and on paper, and links to the same item
    in the latest draft; the newest draft shows none."""
    from urllib.parse import urljoin

    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{published_server}{path}#{item}")
    beside = page.locator(".roadmap-newer--item:visible")
    assert beside.count() == 1
    target, notice = page.locator(f"[id='{item}']").bounding_box(), beside.bounding_box()
    assert 0 <= notice["y"] - target["y"] < target["height"] + 150, (target, notice)
    draft = path.split("/")[2]
    latest = path.replace(f"/{draft}/", "/latest/")
    assert urljoin(page.url, beside.locator("a").get_attribute("href")) == (
        f"{published_server}{latest}#{item}"
    )
    assert page.locator(".roadmap-newer--page").is_visible()
    page.emulate_media(media="print")
    assert beside.is_visible() and page.locator(".roadmap-newer--page").is_visible()
    page.emulate_media(media="screen")
    page.goto(f"{published_server}{path.replace(draft, 'draft-3')}#{item}")
    assert page.locator(f"[id='{item}']").count() == 1
    assert page.locator(".roadmap-newer:visible").count() == 0
    context.close()


@pytest.mark.browser
@pytest.mark.publish
def test_an_old_drafts_item_notice_leads_to_the_item_in_the_latest_draft(reader, published_server):
    reader.goto(f"{published_server}/ru/draft-1/workplan/#A1.2")
    reader.locator(".roadmap-newer--item:visible a").click()
    reader.wait_for_url(f"{published_server}/ru/draft-3/workplan/#A1.2")


@pytest.mark.publish
def test_published_drafts_show_readers_no_source_lines(history, tmp_path):
    """Items link to their line in data/ in previews and pull requests (test_site.py), not in
    a published draft's pages nor in its search index; the page's edit action stays."""
    from roadmap.i18n import t
    from roadmap.preview.server import export_branch

    export_branch(history["repo"], "gh-pages", tmp_path)
    pages = sorted(tmp_path.glob("*/draft-*/**/*.html"))
    assert len(pages) > 100
    assert [p for p in pages if 'class="roadmap-source"' in p.read_text(encoding="utf-8")] == []
    assert 'rel="edit"' in (tmp_path / "fr/draft-3/workplan/index.html").read_text()
    for code in CODES:
        for index in tmp_path.glob(f"{code}/draft-*/search/search_index.json"):
            line = re.compile(re.escape(t(code, "source.label")) + r"\s*data/")
            docs = json.loads(index.read_text())["docs"]
            texts = [doc["text"].replace("\u200b", "") for doc in docs]  # zh: words' marks
            assert not [text for text in texts if line.search(text)], index


@pytest.mark.browser
@pytest.mark.publish
def test_version_selector_lists_newest_first_and_keeps_the_page(reader, published_server):
    reader.goto(f"{published_server}/fr/draft-1/resources/")
    selector = reader.locator(".md-version")
    selector.wait_for()
    assert reader.locator(".md-version__current").inner_text().startswith("Projet")
    items = reader.locator(".md-version__list .md-version__link")
    hrefs = [items.nth(i).get_attribute("href") for i in range(items.count())]
    assert [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs] == ["draft-3", "draft-2", "draft-1"]
    selector.hover()
    items.nth(0).click()
    reader.wait_for_url(f"{published_server}/fr/draft-3/resources/")


@pytest.mark.browser
@pytest.mark.publish
@pytest.mark.parametrize("width", [320, 360])
@pytest.mark.parametrize("code", ["ar", "zh", "fr"])
def test_selectors_fit_a_phone_and_a_tap_keeps_the_page(browser, published_server, code, width):
    """On a small phone, each selector opened by a tap lies within the screen and the page
    does not scroll sideways (Arabic too, which opens the other way); a tapped entry lands on
    the same page of the draft or language chosen."""
    from tests.visits import DRAFT_BUTTON, LANGUAGE_BUTTON

    context = browser.new_context(**{**PHONE, "viewport": {"width": width, "height": 740}})
    page = context.new_page()
    start = f"{published_server}/{code}/draft-2/workplan/"
    menus = {DRAFT_BUTTON: ".md-version__list", LANGUAGE_BUTTON: ".md-select__inner"}
    choices = {
        DRAFT_BUTTON: (".md-version__link[href$='/draft-1/']", f"/{code}/draft-1/workplan/"),
        LANGUAGE_BUTTON: ("a.roadmap-lang-link[lang=en]", "/en/draft-2/workplan/"),
    }
    for button, menu in menus.items():
        page.goto(start)
        page.locator(button).tap()
        page.wait_for_timeout(300)  # the menu's opening transition
        box = page.locator(menu).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (button, box)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, button
        entry, lands = choices[button]
        page.locator(entry).tap()
        page.wait_for_url(published_server + lands)
    context.close()


@pytest.mark.browser
@pytest.mark.publish
def test_language_selector_keeps_the_draft_and_the_page(reader, published_server):
    reader.goto(f"{published_server}/en/draft-2/roadmap/")
    reader.locator(".md-header__option .md-select").hover()
    reader.locator("a.roadmap-lang-link[lang=ar]").click()
    reader.wait_for_url(f"{published_server}/ar/draft-2/roadmap/")
    assert reader.evaluate("getComputedStyle(document.body).direction") == "rtl"


@pytest.mark.browser
@pytest.mark.publish
def test_language_root_redirects_to_the_latest_draft(reader, published_server):
    reader.goto(f"{published_server}/zh/")
    reader.wait_for_url(f"{published_server}/zh/draft-3/")
    response = reader.goto(f"{published_server}/zh/draft-9/nothing/")
    assert response.status == 404 and "/zh/" in reader.content()


@pytest.mark.publish
def test_serve_published_command_serves_the_branch(history):
    from quality.serving import roadmap_serve

    with roadmap_serve("--published", project=history["repo"], ready="/en/") as (base, _):
        body = urllib.request.urlopen(f"{base}/en/draft-2/changes/").read().decode()
    assert "roadmap-change" in body


# --- the gates on what only a published branch has --------------------------------------


@pytest.mark.browser
@pytest.mark.publish
@pytest.mark.parametrize(
    "path",
    [
        "/en/draft-1/workplan/",
        "/ar/draft-2/changes/",
        "/zh/draft-2/changes/",
        "/fr/draft-3/resources/",
        "/ar/draft-2/roadmap/",  # an outdated section: its notice
        "/fr/draft-2/compare/roadmap/",  # the side-by-side view with an outdated section
    ],
)
def test_published_pages_have_no_axe_violation(browser, published_server, path):
    """Old-draft banner, version selector, redlines and cite box, as a reader gets them."""
    from quality.axe import violations

    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(published_server + path)
    page.locator(".md-version").wait_for()
    found = violations(page)
    context.close()
    assert not found, "\n".join(found)


@pytest.mark.publish
def test_published_pages_and_redirects_are_valid_html(history, tmp_path):
    """The Nu HTML Checker on a draft with changes, the redirects and the root pages."""
    from quality.tools import VNU_JAR, java, npm_file
    from roadmap.preview.server import export_branch
    from tests.test_html_valid import _markup, _skip_of

    export_branch(history["repo"], "gh-pages", tmp_path)
    files = [
        tmp_path / "index.html",
        tmp_path / "404.html",
        tmp_path / "en/index.html",
        tmp_path / "ar/latest/roadmap/index.html",
    ]
    files += [
        tmp_path / f"{c}/draft-2/{p}index.html"
        for c in CODES
        for p in ("changes/", "workplan/", "", "roadmap/")
    ]
    files += [tmp_path / f"{c}/draft-2/compare/roadmap/index.html" for c in CODES if c != DEFAULT]
    proc = subprocess.run(
        [
            java(),
            "-jar",
            str(npm_file(VNU_JAR)),
            "--errors-only",
            "--format",
            "json",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    errors = [
        f"{m.get('url')}:{m.get('lastLine')}: {m.get('message')} {_markup(m).strip()}"
        for m in json.loads(proc.stderr)["messages"]
        if _skip_of(m) is None
    ]
    assert not errors, "\n".join(errors)


def test_a_publish_without_the_editions_fonts_is_refused_naming_them(monkeypatch):
    """Chromium would print the Arabic PDF in another font without a word."""
    from roadmap import publish as publishing
    from roadmap.editions import installed_fonts

    every = {"Noto Sans", "Noto Sans CJK SC", "DejaVu Sans Mono"}
    monkeypatch.setattr(installed_fonts, "installed", lambda: every - {"Noto Sans CJK SC"})
    with pytest.raises(publishing.PublishError) as refused:
        publishing._refuse_without_fonts()
    message = str(refused.value)
    assert "Noto Naskh Arabic, Noto Sans Arabic, Noto Sans CJK SC are not installed" in message
    assert "apt-get install fonts-noto-cjk fonts-noto-core" in message
    assert installed_fonts.missing(["en", "fr"], every) is None
    monkeypatch.setattr(installed_fonts, "installed", lambda: None)
    assert "fc-list" in str(installed_fonts.missing(["ar"]))
