"""The few git operations publishing and comparing drafts need, run with the git command line.

Drafts are tagged ``draft-N`` on the commit they were published from; the published site
lives on the ``gh-pages`` branch. Nothing here touches the working tree.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from .errors import RoadmapError

DRAFT_TAG = re.compile(r"^draft-([0-9]+)$")
BRANCH = "gh-pages"  # the published site, served by GitHub Pages


class GitError(RoadmapError):
    """A git command failed; the message says which and why."""


def git(root: Path, *args: str, input: bytes | None = None) -> bytes:
    proc = subprocess.run(
        ["git", "-C", str(root), *args], input=input, capture_output=True, check=False
    )
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()
        raise GitError(f"git {' '.join(args)}: {err or f'exit code {proc.returncode}'}")
    return proc.stdout


def text(root: Path, *args: str) -> str:
    return git(root, *args).decode("utf-8").strip()


def is_repository(root: Path) -> bool:
    try:
        return text(root, "rev-parse", "--is-inside-work-tree") == "true"
    except (GitError, FileNotFoundError):
        return False


def toplevel(root: Path) -> Path:
    return Path(text(root, "rev-parse", "--show-toplevel"))


def rev(root: Path, ref: str) -> str | None:
    """The commit a ref points to, or None when there is no such ref."""
    try:
        return text(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except GitError:
        return None


def draft_tags(root: Path) -> dict[int, str]:
    """Published drafts, by number: {1: 'draft-1', ...}, from the repository's tags."""
    try:
        names = text(root, "tag", "--list", "draft-*").splitlines()
    except (GitError, FileNotFoundError):  # not a repository: nothing was published from it
        return {}
    out = {}
    for name in names:
        match = DRAFT_TAG.match(name.strip())
        if match:
            out[int(match.group(1))] = name.strip()
    return out


def files_at(root: Path, ref: str, folder: str) -> dict[str, bytes]:
    """Every file under ``folder`` (relative to ``root``) at ``ref``: path -> content."""
    rel = (Path(root).resolve() / folder).relative_to(toplevel(root).resolve()).as_posix()
    found = tree(root, ref, rel)
    paths = list(found)
    return {
        path[len(rel) + 1 :]: data
        for path, data in zip(paths, blobs(root, [found[p] for p in paths]), strict=True)
    }


def changed_paths(root: Path, paths: list[str]) -> list[str]:
    """Uncommitted changes (staged, unstaged or untracked) under ``paths``."""
    out = git(root, "status", "--porcelain", "--untracked-files=all", "--", *paths).decode("utf-8")
    return [line[3:] for line in out.splitlines() if line.strip()]


def tree(root: Path, ref: str, prefix: str = "") -> dict[str, str]:
    """path -> blob id of every file at ``ref`` (under ``prefix``, if given)."""
    args = ["ls-tree", "-r", "--full-tree", "-z", ref] + (["--", prefix] if prefix else [])
    out = {}
    for entry in git(root, *args).decode("utf-8").split("\0"):
        if entry:
            meta, path = entry.split("\t", 1)
            _mode, kind, blob = meta.split()
            if kind == "blob":
                out[path] = blob
    return out


def blobs(root: Path, ids: list[str]) -> list[bytes]:
    """The contents of many blobs, read by one git process."""
    if not ids:
        return []
    raw = git(root, "cat-file", "--batch", input=("\n".join(ids) + "\n").encode())
    out, pos = [], 0
    for _ in ids:
        header_end = raw.index(b"\n", pos)
        size = int(raw[pos:header_end].split()[2])
        start = header_end + 1
        out.append(raw[start : start + size])
        pos = start + size + 1
    return out
