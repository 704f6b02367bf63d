"""The one place the application reads environment variables: a build started by the site
engine alone (``mkdocs build``, ``mike deploy``), which `roadmap` did not hand a Build to.

`roadmap` itself never sets these; its commands hand a ``Build`` over (roadmap/build_spec.py).
An import contract keeps rendering from importing this module.
"""

from __future__ import annotations

import os
from pathlib import Path

from .build_spec import Build, of_project

# mike sets MIKE_DOCS_VERSION to the version it deploys.
DATA_DIR, DRAFT, SITE_URL = "ROADMAP_DATA_DIR", "MIKE_DOCS_VERSION", "ROADMAP_SITE_URL"


def build_from_environment(root: Path) -> Build:
    """The build an engine started alone is asked for: the data folder, the draft (mike's) and
    the public address may be given by environment variables; nothing else is."""
    env = os.environ
    return of_project(
        root,
        Path(env[DATA_DIR]) if env.get(DATA_DIR) else None,
        draft=env.get(DRAFT) or None,
        site_url=env.get(SITE_URL) or None,
    )
