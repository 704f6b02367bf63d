"""The GitHub Actions workflows (.github/workflows/) are safe to run on members' pull requests.

zizmor, a static analyser for GitHub Actions, must report nothing (offline: no network). On top of
it, the rules this project keeps are checked on the parsed YAML, so that a failure names the rule:
every action pinned to a full commit SHA with its version in a comment, a timeout on every job,
read-only (or no) permissions by default, write access for the publish job only, one publication at
a time, no `${{ }}` expression inside a `run:` script (inputs go through env: variables).

Needs only pyyaml, pytest and zizmor (installed next to the Python running the tests).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
ZIZMOR = Path(sys.executable).parent / "zizmor"

SHA_PINNED = re.compile(r"^[^@\s]+@[0-9a-f]{40}$")
# The version comment on the `uses:` line: `uses: owner/repo@<sha> # v4.2.2`
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
VERSION_COMMENT = re.compile(r"^\s+#\s*v\d+(\.\d+)*\b")

# (workflow file, job id) -> permissions it may be granted with write access
WRITERS = {
    ("publish.yml", "publish"): {"contents"},
    ("translations-reviewed.yml", "record"): {"contents"},  # to the pull request's branch
}


def _files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a workflow (a YAML mapping)"
    return data


def _on(workflow: dict) -> dict:
    # YAML 1.1 (pyyaml) reads the key `on` as the boolean True.
    triggers = workflow.get("on", workflow.get(True))
    if isinstance(triggers, str):
        return {triggers: None}
    if isinstance(triggers, list):
        return dict.fromkeys(triggers)
    return triggers or {}


def _jobs(path: Path) -> dict[str, dict]:
    jobs = _load(path).get("jobs")
    assert isinstance(jobs, dict) and jobs, f"{path.name}: no jobs"
    return jobs


def _steps(path: Path):
    for job_id, job in _jobs(path).items():
        for i, step in enumerate(job.get("steps") or []):
            yield job_id, i, step


def _where(path: Path, job_id: str, i: int, step: dict) -> str:
    label = step.get("name") or step.get("uses") or "run"
    return f"{path.name}: jobs.{job_id}.steps[{i}] ({label})"


@pytest.mark.parametrize("name", ["publish.yml", "pull-request.yml"])
def test_required_workflows_exist(name):
    assert (WORKFLOWS / name).is_file(), f".github/workflows/{name} is missing"


# --- zizmor ----------------------------------------------------------------------------------


def _zizmor(*args: str) -> subprocess.CompletedProcess:
    if not ZIZMOR.is_file():
        pytest.fail(
            f"zizmor is not installed next to this Python ({ZIZMOR} is missing): "
            f"install the test dependencies (`pip install -e '.[test]'`, or `make test`)"
        )
    return subprocess.run(
        [str(ZIZMOR), "--offline", "--no-progress", "--color", "never", *args, str(WORKFLOWS)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )


def test_zizmor_reports_nothing():
    proc = _zizmor("--format", "json")
    try:
        findings = json.loads(proc.stdout)
    except json.JSONDecodeError:
        pytest.fail(
            f"zizmor did not print JSON (exit code {proc.returncode}):\n"
            f"{proc.stdout}\n{proc.stderr}"
        )
    if findings or proc.returncode != 0:
        readable = _zizmor("--format", "plain")  # the same findings, with the lines they concern
        pytest.fail(
            f"zizmor: {len(findings)} finding(s), exit code {proc.returncode} "
            f"({', '.join(sorted({f['ident'] for f in findings}))}):\n"
            f"{readable.stdout}\n{readable.stderr}"
        )


# --- the project's rules, on the parsed YAML -------------------------------------------------


def test_every_action_is_pinned_to_a_commit_sha_with_its_version():
    problems = []
    for path in _files():
        for job_id, job in _jobs(path).items():
            uses = job.get("uses")  # a reusable workflow
            if uses and not (uses.startswith("./") or SHA_PINNED.match(uses)):
                problems.append(f"{path.name}: jobs.{job_id}.uses: {uses} is not pinned")
        for job_id, i, step in _steps(path):
            uses = step.get("uses")
            if uses is None or uses.startswith("./"):
                continue  # a script, or an action of this repository
            if not SHA_PINNED.match(uses):
                problems.append(
                    f"{_where(path, job_id, i, step)}: {uses} is not pinned to a "
                    f"full 40-character commit SHA"
                )
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = USES_LINE.match(line)
            if (
                match
                and not match["ref"].startswith("./")
                and not VERSION_COMMENT.match(match["rest"])
            ):
                problems.append(
                    f"{path.name}:{n}: no version comment after the SHA "
                    f"(write `uses: owner/repo@<sha> # vX.Y.Z`)"
                )
    assert not problems, "\n".join(problems)


def test_every_job_has_a_timeout():
    problems = []
    for path in _files():
        for job_id, job in _jobs(path).items():
            minutes = job.get("timeout-minutes")
            if not (isinstance(minutes, int) and 0 < minutes <= 90):
                problems.append(
                    f"{path.name}: jobs.{job_id}: timeout-minutes is {minutes!r} "
                    f"(a whole number of minutes, at most 90)"
                )
    assert not problems, "\n".join(problems)


def _read_only(permissions) -> bool:
    if permissions in ({}, "read-all"):
        return True
    return isinstance(permissions, dict) and all(
        level in ("read", "none") for level in permissions.values()
    )


def test_default_permissions_are_read_only_or_none():
    problems = []
    for path in _files():
        workflow = _load(path)
        if "permissions" not in workflow:
            problems.append(
                f"{path.name}: no top-level permissions (the token would get the "
                f"repository's default, possibly write access): "
                f"write `permissions: {{}}`"
            )
        elif not _read_only(workflow["permissions"]):
            problems.append(
                f"{path.name}: top-level permissions {workflow['permissions']!r} are not read-only"
            )
    assert not problems, "\n".join(problems)


def test_only_the_publish_and_record_jobs_may_write_and_only_contents():
    problems = []
    for path in _files():
        for job_id, job in _jobs(path).items():
            permissions = job.get("permissions", {})
            if isinstance(permissions, str):  # read-all, write-all
                if permissions != "read-all":
                    problems.append(f"{path.name}: jobs.{job_id}: permissions: {permissions}")
                continue
            allowed = WRITERS.get((path.name, job_id), set())
            for scope, level in permissions.items():
                if level == "write" and scope not in allowed:
                    problems.append(f"{path.name}: jobs.{job_id}: {scope}: write")
    assert not problems, "\n".join(problems)
    publish = _jobs(WORKFLOWS / "publish.yml")["publish"]
    assert publish.get("permissions") == {"contents": "write"}, publish.get("permissions")


def test_checkout_never_keeps_the_token():
    problems = []
    for path in _files():
        for job_id, i, step in _steps(path):
            if (
                str(step.get("uses", "")).startswith("actions/checkout@")
                and (step.get("with") or {}).get("persist-credentials") is not False
            ):
                problems.append(
                    f"{_where(path, job_id, i, step)}: persist-credentials: false is missing"
                )
    assert not problems, "\n".join(problems)


def test_no_expression_inside_a_script():
    # `${{ }}` is pasted into the script before the shell reads it: a pull request's title or a
    # workflow input could then run commands (template injection). Use env: and "$VARIABLE".
    problems = []
    for path in _files():
        for job_id, i, step in _steps(path):
            if "${{" in str(step.get("run", "")):
                problems.append(f"{_where(path, job_id, i, step)}: `${{{{` inside run:")
    assert not problems, "\n".join(problems)


def test_pull_request_workflow_checks_builds_tests_and_keeps_the_preview():
    path = WORKFLOWS / "pull-request.yml"
    workflow = _load(path)
    assert "pull_request" in _on(workflow)
    assert "pull_request_target" not in _on(workflow)  # would run with the base repository's rights
    concurrency = workflow.get("concurrency") or {}
    assert "github.event.pull_request.number" in str(concurrency.get("group")), concurrency
    assert concurrency.get("cancel-in-progress") is True, concurrency
    steps = [step for _, _, step in _steps(path)]
    scripts = "\n".join(str(step.get("run", "")) for step in steps)
    for command in (
        "roadmap check --format github",
        "roadmap build",
        "make test",
        "roadmap translations --format markdown",
        '>> "$GITHUB_STEP_SUMMARY"',
    ):
        assert command in scripts, f"pull-request.yml does not run `{command}`"
    setups = [s for s in steps if str(s.get("uses", "")).startswith("actions/setup-python@")]
    assert setups and all(str(s["with"]["python-version"]) == "3.11" for s in setups), setups
    uploads = [s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact@")]
    assert [s["with"]["path"] for s in uploads] == ["preview/"], uploads
    assert "roadmap build --disk-preview preview" in scripts  # opens from disk: CONTRIBUTING
    checkout = [s for s in steps if str(s.get("uses", "")).startswith("actions/checkout@")]
    assert checkout[0]["with"].get("fetch-depth") == 0, "the changes page needs the history"


def test_publish_workflow_installs_what_the_editions_need_and_can_allow_incomplete():
    path = WORKFLOWS / "publish.yml"
    inputs = (_on(_load(path)).get("workflow_dispatch") or {}).get("inputs") or {}
    assert (
        inputs["allow_incomplete"]["type"] == "boolean"
        and inputs["allow_incomplete"]["default"] is False
    )
    scripts = "\n".join(str(s.get("run", "")) for _, _, s in _steps(path))
    assert "bash .ci/system-deps.sh" in scripts
    assert '"$ALLOW_INCOMPLETE" = "true"' in scripts and "--allow-incomplete" in scripts


def test_the_reviewed_label_records_translations_on_same_repository_branches_only():
    path = WORKFLOWS / "translations-reviewed.yml"
    workflow = _load(path)
    assert _on(workflow) == {"pull_request": {"types": ["labeled"]}}
    job = _jobs(path)["record"]
    assert (
        "translations-reviewed" in job["if"]
        and "head.repo.full_name == github.repository" in job["if"]
    )
    scripts = "\n".join(str(s.get("run", "")) for _, _, s in _steps(path))
    assert 'roadmap translations reviewed --since "origin/$BASE"' in scripts


def test_publish_workflow_runs_one_at_a_time_from_inputs_passed_through_env():
    path = WORKFLOWS / "publish.yml"
    workflow = _load(path)
    inputs = (_on(workflow).get("workflow_dispatch") or {}).get("inputs") or {}
    assert {"draft", "site_url"} <= set(inputs), inputs
    assert set(_on(workflow)) == {"workflow_dispatch"}, _on(workflow)
    assert workflow.get("concurrency") == {"group": "publish", "cancel-in-progress": False}
    steps = [step for _, _, step in _steps(path)]
    checkout = [s for s in steps if str(s.get("uses", "")).startswith("actions/checkout@")]
    assert (
        len(checkout) == 1
        and checkout[0]["with"].get("fetch-depth") == 0
        and checkout[0]["with"].get("fetch-tags") is True
    ), checkout
    publishing = [s for s in steps if "roadmap publish" in str(s.get("run", ""))]
    assert len(publishing) == 1
    assert 'roadmap publish "$DRAFT" --push --site-url "$SITE_URL"' in publishing[0]["run"]
    assert publishing[0]["env"]["DRAFT"] == "${{ inputs.draft }}"
    assert publishing[0]["env"]["SITE_URL"] == "${{ inputs.site_url }}"
    scripts = "\n".join(str(s.get("run", "")) for s in steps)
    assert "git config user.name" in scripts and "git config user.email" in scripts
