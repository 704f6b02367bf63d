"""Reading built HTML with the standard library's parser, and editing sources on purpose."""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import yaml

from macros.mkdocs_engine import config_file
from roadmap.i18n import CODES
from roadmap.project import copy_sources

ROOT = Path(__file__).resolve().parent.parent  # the checkout under test
FIXTURES = ROOT / "tests" / "fixtures"


ROADMAP = [sys.executable, "-m", "roadmap.cli"]  # the `roadmap` command


def run_roadmap(
    *args: str, cwd: Path = ROOT, env: dict | None = None, command: list[str] = ROADMAP
) -> subprocess.CompletedProcess:
    """The `roadmap` command (or ``command``, a variant of it), run as a user runs it, in
    ``cwd``."""
    return subprocess.run(
        [*command, *args],
        cwd=cwd,
        capture_output=True,
        check=False,
        text=True,
        env={**os.environ, **(env or {})},
    )


SNAPSHOT = FIXTURES / "project"  # the content the tests of the code use (tests/snapshot.py)


def copy_project(dest: Path, *, content: Path = SNAPSHOT) -> Path:
    """A project to build, edit or break: the checkout's theme overrides and configurations,
    and the snapshot's pages, data and translation records (``content``: another's), copied
    to ``dest``."""
    return copy_sources(ROOT, dest, content=content)


TEST_REPOSITORY = "https://github.com/example-org/chm-roadmap"


def with_repository(project: Path) -> Path:
    """The copy's mkdocs.yml naming a repository, not the placeholder a publish refuses."""
    edit(project / "mkdocs.yml", "    placeholder: true\n", "")
    edit(project / "mkdocs.yml", "https://github.com/chm-roadmap/chm-roadmap", TEST_REPOSITORY)
    return project


def settle(project: Path) -> dict[tuple[str, str], str]:
    """Every translation in ``project`` recorded as current, whatever the real content's state,
    for tests that start from there: (language, source) -> state of what is still pending
    (texts with no translation at all)."""
    from roadmap.translations import records, sources

    units, status = sources.load(project)[1:]
    for lang in {e.lang for e in status.entries}:
        records.mark(project, lang, units)
    status = sources.load(project)[2]
    return {(e.lang, e.source): e.state for e in status.pending()}


def commit_all(project: Path, message: str) -> None:
    """Everything in ``project`` committed (a repository made there first if need be)."""
    if not (project / ".git").exists():
        subprocess.run(["git", "init", "-q", "-b", "main", str(project)], check=True)
    for args in (["add", "-A"], ["commit", "-q", "--no-gpg-sign", "-m", message]):
        subprocess.run(
            [
                "git",
                "-C",
                str(project),
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.org",
                *args,
            ],
            check=True,
        )


class Page(HTMLParser):
    """Collects tags with their attributes, and visible text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.chunks: list[str] = []
        self._skip = 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())

    def find(self, tag: str, **attrs) -> list[dict]:
        return [
            a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if "id" in a}


def read(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def pages(site_lang: Path) -> list[Path]:
    return sorted(site_lang.rglob("*.html"))


def url_of(site: Path, path: Path) -> str:
    """The address path a built file is served at: /en/roadmap/ for en/roadmap/index.html."""
    rel = path.relative_to(site).as_posix()
    return "/" + rel.removesuffix("index.html")


SECTIONS = ("root", *CODES)  # the root chooser and 404, then the languages


def section_urls(site: Path, section: str) -> list[str]:
    """Every page of one part of the built site, found on disk: pages added later are included."""
    files = sorted(site.glob("*.html")) if section == "root" else pages(site / section)
    assert files, f"no page in {section}"
    return [url_of(site, p) for p in files]


# A word of each language that stands in the middle of a sentence of its home page.
KNOWN_WORDS: dict[str, str] = yaml.safe_load(
    (FIXTURES / "known-words.yml").read_text(encoding="utf-8")
)


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a file, which must hold it (a test edits what it means to)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build_one(project: Path, lang: str, out: Path) -> subprocess.CompletedProcess:
    """Build one language of a project copy with mkdocs itself (as mike would)."""
    cfg = config_file(lang, project).name
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", cfg, "-d", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
