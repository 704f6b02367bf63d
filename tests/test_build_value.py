"""What a build is travels as one value (roadmap/build_spec.py): builds made one after another in
the same process each get exactly their own draft, address and URL style, nothing left over
from the build before; and only one function reads the environment."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from roadmap.build_spec import of_project
from roadmap.engine import engine
from tests.helpers import ROOT

SITE = "https://example.org/chm/"


def _page(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


@pytest.mark.build
def test_builds_in_one_process_each_get_their_own_draft_address_and_links(tmp_path):
    builds = {
        "draft-1": of_project(ROOT, draft="draft-1", site_url=SITE),
        "draft-2": of_project(ROOT, draft="draft-2", site_url=SITE),
        "offline": of_project(ROOT, draft="draft-2", site_url=SITE, offline=True),
        "preview": of_project(ROOT),
    }
    for name, build in builds.items():  # one after the other, in this process
        built = engine().build(build, "fr", tmp_path / name)
        assert built.ok, built.output
    first = _page(tmp_path / "draft-1", "cite/index.html")
    second = _page(tmp_path / "draft-2", "cite/index.html")
    assert f"{SITE}fr/draft-1/cite/" in first and f"{SITE}fr/draft-2/" not in first
    assert f"{SITE}fr/draft-2/cite/" in second and f"{SITE}fr/draft-1/cite/" not in second
    # A published draft's items carry the notice for a newer draft; an offline copy and a
    # preview link nowhere newer, and the offline copy links files, the others folders.
    workplan = {name: _page(tmp_path / name, _file(name)) for name in builds}
    assert "latest/workplan/#A1.3" in workplan["draft-2"]
    assert "latest/" not in workplan["offline"] and "latest/" not in workplan["preview"]
    assert 'href="../roadmap/#P1"' in workplan["draft-2"]
    assert 'href="roadmap.html#P1"' in workplan["offline"]
    assert 'href="../roadmap/#P1"' in workplan["preview"]
    assert "127.0.0.1:8000/fr/cite/" in _page(tmp_path / "preview", "cite/index.html")


def _file(name: str) -> str:
    return "workplan.html" if name == "offline" else "workplan/index.html"


READS = ("environ", "getenv", "getenvb")


def _reads_environment(path: Path) -> list[int]:
    """Lines of ``path`` that read an environment variable (assigning one is not reading)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    stores = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store)
    }
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in READS and id(node) not in stores
    )


def test_only_one_function_reads_the_environment():
    """roadmap/environment.py reads it, for a build started by mkdocs or mike alone; every
    other module of the application and the adapter is handed a Build."""
    found = {
        path.relative_to(ROOT).as_posix(): lines
        for folder in ("roadmap", "macros")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if (lines := _reads_environment(path))
    }
    assert list(found) == ["roadmap/environment.py"], found
    source = (ROOT / "roadmap" / "environment.py").read_text(encoding="utf-8")
    assert source.count("os.environ") == 1 and "def build_from_environment(" in source
