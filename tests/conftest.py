"""Shared fixtures. The real six-language site is built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import ROOT, run_roadmap


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The whole site, built by the real command into a temporary folder."""
    out = tmp_path_factory.mktemp("site") / "site"
    proc = run_roadmap("build", "--site-dir", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="session")
def server(site):
    """The built site served on 127.0.0.1 by our own handler (language 404 pages included)."""
    from quality.serving import served

    with served(site) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from quality.tools import CHROMIUM_FLAGS, chromium

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium(),
                              args=[*CHROMIUM_FLAGS, "--disable-background-networking"])
        yield b
        b.close()


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project's sources, to break on purpose."""
    dest = tmp_path / "project"
    for name in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    for cfg in ROOT.glob("mkdocs*.yml"):
        shutil.copy(cfg, dest / cfg.name)
    return dest
