"""The habits of the codebase, checked: two wings kept apart, linted, typed, short functions,
every import declared, a package that works installed like any other."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.helpers import ROOT

BIN = Path(sys.executable).parent
PACKAGES = ("roadmap", "macros", "quality", "bench", "tests")
MAX_FUNCTION_LINES = 50


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)


@pytest.mark.tools
def test_import_contracts_are_kept():
    proc = _run(str(BIN / "lint-imports"), "--no-cache")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 kept, 0 broken" in proc.stdout


@pytest.mark.tools
@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("roadmap/render/text.py", "import mkdocs.utils", "knows no site engine"),
        ("roadmap/render/refs.py", "from .. import gitrepo", "does no I/O"),
        ("roadmap/render/timeline.py", "import subprocess", "does no I/O"),
    ],
)
def test_import_contract_fails_on_a_forbidden_import(tmp_path, module, line, contract):
    """The contract is not decoration: a copy with one forbidden import breaks it."""
    for name in ("roadmap", "macros"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    proc = _run(str(BIN / "lint-imports"), "--no-cache", cwd=tmp_path)
    assert proc.returncode != 0, proc.stdout
    broken = [block for block in proc.stdout.split("\n\n") if "BROKEN" in block]
    assert any(contract in block for block in broken), proc.stdout


@pytest.mark.tools
def test_ruff_lint_and_format_are_clean():
    lint = _run(str(BIN / "ruff"), "check", *PACKAGES)
    assert lint.returncode == 0, lint.stdout
    fmt = _run(str(BIN / "ruff"), "format", "--check", *PACKAGES)
    assert fmt.returncode == 0, fmt.stdout


@pytest.mark.tools
def test_mypy_finds_no_error_in_the_application():
    proc = _run(str(BIN / "mypy"))
    assert proc.returncode == 0, proc.stdout


def _functions(folder: str):
    for path in sorted((ROOT / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                yield path.relative_to(ROOT), node


def test_functions_fit_on_a_screen():
    long = [
        f"{path}:{node.lineno} {node.name}() has {node.end_lineno - node.lineno + 1} lines"
        for folder in ("roadmap", "macros", "quality", "bench")
        for path, node in _functions(folder)
        if (node.end_lineno or node.lineno) - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []


@pytest.mark.tools
def test_every_imported_package_is_declared():
    """deptry: third-party imports of the packages are dependencies in pyproject.toml."""
    proc = _run(str(BIN / "deptry"), "roadmap", "macros", "quality", "tests", "bench")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_adapter_stays_thin():
    lines = sum(
        len(p.read_text(encoding="utf-8").splitlines()) for p in (ROOT / "macros").glob("*.py")
    )
    assert lines <= 450, f"macros/ has {lines} lines: what is not engine glue belongs in roadmap/"


def test_the_packages_of_the_application_import_each_other_one_way():
    """No two of roadmap's packages (render, translations, checks, preview, ...) import each
    other: each can be read knowing only the ones below it."""
    import grimp

    graph = grimp.build_graph("roadmap")

    def package(module: str) -> str:
        return ".".join(module.split(".")[:2])

    edges = {
        (package(m), package(i))
        for m in graph.modules
        for i in graph.find_modules_directly_imported_by(m)
        if i.startswith("roadmap.") and package(m) != package(i)
    }
    assert sorted((a, b) for a, b in edges if (b, a) in edges and a < b) == []


def test_module_names_are_unique_in_the_tree():
    """A name says which module it is, wherever it is read (a traceback, an import, a search)."""
    seen: dict[str, list[str]] = {}
    for folder in ("roadmap", "macros", "quality", "bench", "tests"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.name != "__init__.py" and "fixtures" not in path.parts:
                seen.setdefault(path.name, []).append(path.relative_to(ROOT).as_posix())
    assert {name: paths for name, paths in seen.items() if len(paths) > 1} == {}


def test_pre_commit_hooks_are_local_and_run_offline():
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    import yaml

    repos = yaml.safe_load(config)["repos"]
    assert [r["repo"] for r in repos] == ["local"]
    hooks = {h["id"] for r in repos for h in r["hooks"]}
    assert {"ruff", "ruff-format", "roadmap-check"} <= hooks


@pytest.mark.tools
def test_the_package_works_installed_without_the_checkout(tmp_path):
    """A normal (not editable) install, run from the project folder: the project is found from
    mkdocs.yml, the strings and templates come with the package."""
    target = tmp_path / "site-packages"
    proc = _run(
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "--target",
        str(target),
        str(ROOT),
    )
    assert proc.returncode == 0, proc.stderr
    assert (target / "roadmap" / "i18n" / "strings" / "fr.yml").is_file()
    assert (target / "roadmap" / "preview" / "live.js").is_file()
    project = tmp_path / "project"
    from tests.conftest import copy_project

    copy_project(project)
    env = {"PYTHONPATH": str(target), "PATH": str(BIN)}
    check = subprocess.run(
        [sys.executable, "-m", "roadmap.cli", "check"],
        cwd=project / "docs",
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "pages OK" in check.stdout
    found = subprocess.run(
        [sys.executable, "-c", "import roadmap; print(roadmap.__file__)"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert found.stdout.startswith(str(target)), found.stdout


def test_declared_dependencies_are_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for requirement in project["dependencies"] + project["optional-dependencies"]["test"]:
        assert "==" in requirement, f"{requirement} is not pinned"
