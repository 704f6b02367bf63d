"""The same sources on a second engine: ProperDocs, the maintained continuation of MkDocs 1.x,
builds every language strictly, page for page the same as MkDocs but for the generator tag."""

from __future__ import annotations

import os
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from macros.mkdocs_engine import config_file
from roadmap.i18n import CODES
from tests.helpers import ROOT, pages

pytestmark = pytest.mark.build

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.fixture(scope="module")
def properdocs(tmp_path_factory):
    """Every language built by ProperDocs (its own environment: `make test` sets it up), as
    many at a time as there are cores: each build is one process on one core."""
    if not PROPERDOCS.is_file():
        pytest.fail(f"{PROPERDOCS} is missing: `make test` creates .venv-properdocs (README)")
    out = tmp_path_factory.mktemp("properdocs")
    with ThreadPoolExecutor(os.cpu_count()) as pool:
        procs = dict(
            zip(CODES, pool.map(lambda code: _build(code, out / code), CODES), strict=True)
        )
    for code, proc in procs.items():
        assert proc.returncode == 0, f"[{code}]\n{proc.stdout}\n{proc.stderr}"
    return out


def _build(code: str, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(PROPERDOCS), "build", "--strict", "-f", str(config_file(code, ROOT)), "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.mark.parametrize("code", CODES)
def test_properdocs_builds_every_page_as_mkdocs_does(properdocs, site, code):
    ours = {p.relative_to(site / code): p for p in pages(site / code)}
    theirs = {p.relative_to(properdocs / code): p for p in pages(properdocs / code)}
    assert set(theirs) == set(ours)
    different = [
        str(rel)
        for rel, path in ours.items()
        if GENERATOR.sub(b"", path.read_bytes()) != GENERATOR.sub(b"", theirs[rel].read_bytes())
    ]
    assert different == []
    assert b"ProperDocs" in (properdocs / code / "index.html").read_bytes()
