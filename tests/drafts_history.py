"""The publishing history the publishing tests read: a bare `origin`, draft 1 published and
pushed from one clone, drafts 2 and 3 from a fresh clone, as a new user would.

It takes a minute and a half, mostly one core's work: the session begins it in a process of its
own (``Background``) when a selected test needs it, and the first tests run meanwhile.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from roadmap import gitrepo
from tests.helpers import ROADMAP, ROOT, copy_project, edit, run_roadmap, settle, with_repository

SITE_URL = "https://chm-roadmap.example.org/"
NEW_RESOURCE = """
  - id: R1.17
    phase: P1
    kind: technical
    title: {en: "Independent accessibility audit of the platform"}
    amount: 20000
    currency: USD
    funding: regular-budget
    purpose: evaluation
    recurrence: one-off
"""


def sh(cwd: Path, *args: str) -> str:
    return subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True).stdout


# `roadmap publish` without its PDFs and offline copies (tests/publish_without_editions.py)
WITHOUT_EDITIONS = [sys.executable, "-m", "tests.publish_without_editions"]


def publish(repo: Path, draft: str, *extra: str, editions: bool = True):
    return run_roadmap(
        *("--project", str(repo), "publish", draft, "--site-url", SITE_URL, *extra),
        command=ROADMAP if editions else WITHOUT_EDITIONS,
    )


def add_draft(repo: Path, number: int, title: str, date: str, symbol: str = "") -> None:
    path = repo / "data/drafts.yml"
    path.write_text(
        path.read_text() + f'\n  - id: draft-{number}\n    title: {{en: "{title}"}}\n'
        f"    date: {date}\n    status: revised-draft\n    symbol: {symbol}\n"
    )


def commit(repo: Path, message: str) -> None:
    sh(repo, "git", "add", "-A")
    sh(repo, "git", "commit", "-q", "-m", message)


def branch_files(repo: Path) -> dict[str, str]:
    return gitrepo.tree(repo, "gh-pages")


def init_repo(path: Path) -> None:
    sh(path, "git", "init", "-q", "-b", "main")
    sh(path, "git", "config", "user.email", "editor@example.org")
    sh(path, "git", "config", "user.name", "Editor")


class HistoryError(Exception):
    """A publish of the history failed; the message is its output."""


def _published(proc: subprocess.CompletedProcess) -> None:
    if proc.returncode != 0:
        raise HistoryError(proc.stdout + proc.stderr)


def make(base: Path) -> dict:
    """Three drafts published into ``base``: the clone they were published from, the bare
    origin, the branch's files after each draft, and the last publish's output."""
    origin = base / "origin.git"
    sh(base, "git", "init", "-q", "--bare", "-b", "main", str(origin))

    first = with_repository(copy_project(base / "first"))
    drafts = first / "data/drafts.yml"
    drafts.write_text(drafts.read_text().split("  - id: draft-2")[0].rstrip() + "\n")
    # Translated throughout as far as the content goes: the gate lets it through unflagged.
    incomplete = ("--allow-incomplete",) if settle(first) else ()
    init_repo(first)
    commit(first, "Zero draft")
    sh(first, "git", "remote", "add", "origin", str(origin))
    sh(first, "git", "push", "-q", "origin", "main")
    proc = publish(first, "draft-1", "--push", *incomplete)
    _published(proc)
    snapshots = {1: branch_files(first)}

    repo = base / "clone"  # a new user: nothing but a clone of origin
    sh(base, "git", "clone", "-q", str(origin), str(repo))
    sh(repo, "git", "config", "user.email", "other@example.org")
    sh(repo, "git", "config", "user.name", "Other editor")

    add_draft(repo, 2, "Revised draft", "2025-12-12", "BBNJ/PC/3/INF/1")
    edit(
        repo / "data/workplan.yml",
        "Establishment of the project team and interim governance",
        "Establishment of the core project team and interim governance",
    )
    edit(repo / "data/workplan.yml", "    end: 2026-05-15\n", "    end: 2026-05-10\n")
    edit(repo / "data/resources.yml", "    amount: 120000\n", "    amount: 150000\n")
    resources = (repo / "data/resources.yml").read_text()
    removed = re.search(r"\n  - id: R1\.3\n.*?(?=\n  - id: |\n\s*#|\Z)", resources, re.DOTALL)
    (repo / "data/resources.yml").write_text(resources.replace(removed.group(0), ""))
    edit(
        repo / "docs/en/roadmap.md",
        "and the resources each requires.",
        "and the human, technical and financial resources each requires.",
    )
    commit(repo, "Revised draft")
    # English edited and titled in English only: the translations follow later.
    proc = publish(repo, "draft-2", "--push", "--allow-incomplete")
    _published(proc)
    snapshots[2] = branch_files(repo)

    add_draft(repo, 3, "Third draft", "2026-01-20")
    path = repo / "data/resources.yml"
    path.write_text(path.read_text().rstrip() + "\n" + NEW_RESOURCE)
    commit(repo, "Third draft")
    proc = publish(repo, "draft-3", "--push", "--allow-incomplete")
    _published(proc)
    snapshots[3] = branch_files(repo)
    return {"repo": repo, "origin": origin, "snapshots": snapshots, "output": proc.stdout}


class Background:
    """``make`` run in a process of its own, begun now; ``result()`` waits for it."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self._log = (base / "history.log").open("w")
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "tests.drafts_history", str(base)],
            cwd=ROOT,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self._result: dict | None = None

    def result(self) -> dict:
        if self._result is None:
            code = self._proc.wait()
            self._log.close()
            if code != 0:
                raise HistoryError((self.base / "history.log").read_text())
            found = json.loads((self.base / "history.json").read_text())
            self._result = {
                "repo": Path(found["repo"]),
                "origin": Path(found["origin"]),
                "snapshots": {int(k): v for k, v in found["snapshots"].items()},
                "output": found["output"],
            }
        return self._result

    def stop(self) -> None:
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._log.close()


if __name__ == "__main__":
    base = Path(sys.argv[1])
    made = make(base)
    made.update(repo=str(made["repo"]), origin=str(made["origin"]))
    (base / "history.json").write_text(json.dumps(made))
