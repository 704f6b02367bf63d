"""The content the tests of the code build, edit and break: a snapshot of the project's pages,
data and translation records (tests/fixtures/project/), every translation recorded as current.

The real content moves on in every pull request (a member rewords the very sentence a test
edits, a translation is pending); the tests of the code must not move with it. The real content
is tested as it is by the site's gates (tests that build `site/` from the checkout). Refresh the
snapshot when the code asks more of the content (a new required field, a new rule):

    .venv/bin/python -m tests.snapshot
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from roadmap.project import CONTENT
from tests.helpers import ROOT, SNAPSHOT, copy_project, settle


def refresh() -> None:
    shutil.rmtree(SNAPSHOT, ignore_errors=True)
    with_theme = SNAPSHOT.parent / "project-settling"
    shutil.rmtree(with_theme, ignore_errors=True)
    copy_project(with_theme, content=ROOT)
    settle(with_theme)
    for name in CONTENT:
        shutil.copytree(with_theme / name, SNAPSHOT / name)
    shutil.rmtree(with_theme)


if __name__ == "__main__":
    refresh()
    print(f"refreshed {SNAPSHOT.relative_to(ROOT)}", file=sys.stderr)
    sys.exit(0 if Path(SNAPSHOT / "data").is_dir() else 1)
