"""Integrity manifests: the SHA-256 of every file of a published draft, in `sha256sum` format.

A draft's manifest lives on the published branch at ``manifests/<draft>.sha256`` and covers
``<lang>/<draft>/**`` in every language and the shared theme files its pages use
(``assets/<hash>/**``, roadmap/site/shared_assets.py), so ``sha256sum -c
manifests/draft-1.sha256`` run at the root of a checkout of the branch checks it too.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from . import gitrepo
from .i18n import CODES
from .site import shared_assets

FOLDER = "manifests"


def path_of(draft_id: str) -> str:
    return f"{FOLDER}/{draft_id}.sha256"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def of_folders(folders: dict[str, Path]) -> str:
    """Manifest text for built folders, each published under a prefix ({'en/draft-1': Path})."""
    lines = []
    for prefix, folder in sorted(folders.items()):
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
            lines.append(
                f"{digest(path.read_bytes())}  {prefix}/{path.relative_to(folder).as_posix()}"
            )
    return "\n".join(sorted(lines, key=lambda line: line[66:])) + "\n"


def parse(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        if line.strip():
            sha, path = line.split(None, 1)
            out[path.strip().lstrip("*")] = sha
    return out


@dataclass
class Report:
    draft: str
    checked: int = 0
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.changed or self.missing or self.added)


def verify(root: Path, branch: str) -> list[Report]:
    """Check every published draft on ``branch`` against its manifest."""
    files = gitrepo.tree(root, branch)
    manifests = sorted(p for p in files if p.startswith(FOLDER + "/") and p.endswith(".sha256"))
    reports = []
    for name in manifests:
        draft = name[len(FOLDER) + 1 : -len(".sha256")]
        expected = parse(gitrepo.blobs(root, [files[name]])[0].decode("utf-8"))
        report = Report(draft)
        present = [p for p in expected if p in files]
        report.missing = sorted(p for p in expected if p not in files)
        prefixes = tuple(f"{code}/{draft}/" for code in CODES) + _shared_units(expected)
        report.added = sorted(p for p in files if p.startswith(prefixes) and p not in expected)
        for path, data in zip(
            present, gitrepo.blobs(root, [files[p] for p in present]), strict=True
        ):
            report.checked += 1
            if digest(data) != expected[path]:
                report.changed.append(path)
        reports.append(report)
    return reports


def _shared_units(expected: dict[str, str]) -> tuple[str, ...]:
    """The shared folders ('assets/<hash>/') a manifest covers: a file added in one is named."""
    top = f"{shared_assets.FOLDER}/"
    return tuple(sorted({"/".join(p.split("/")[:2]) + "/" for p in expected if p.startswith(top)}))
