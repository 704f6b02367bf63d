"""Valid HTML: the Nu HTML Checker (the W3C's validator, npm vnu-jar) on every HTML file of the
built site, every language, the root chooser and 404 pages included, in one Java process."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from quality.tools import VNU_JAR, java, npm_file

pytestmark = pytest.mark.build

# Errors we cannot fix, each with why. A message is skipped only if its text AND the markup it
# points at both match; a skip that no longer matches anything fails the test, so it goes.
SKIPPED = (
    (
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
        re.compile(r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"'),
        (
            "Material's drawer and search toggles are checkboxes with autocomplete=off so that Firefox "
            "does not reopen them when a reader goes back; they stand in Material's base.html outside "
            "any block that overrides/ can replace."
        ),
    ),
)


def _markup(message: dict) -> str:
    extract, start = message.get("extract", ""), message.get("hiliteStart", 0)
    return extract[start : start + message.get("hiliteLength", len(extract))]


def _skip_of(message: dict) -> int | None:
    for n, (text, markup, _why) in enumerate(SKIPPED):
        if text.search(message.get("message", "")) and markup.search(_markup(message)):
            return n
    return None


def test_every_page_is_valid_html(site):
    n_pages = len(list(site.rglob("*.html")))
    assert n_pages > 60
    proc = subprocess.run(
        [
            java(),
            "-jar",
            str(npm_file(VNU_JAR)),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "json",
            str(site),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    messages = json.loads(proc.stderr)["messages"]  # the checker writes its report to stderr
    used = set()
    errors = []
    for m in messages:
        skip = _skip_of(m)
        if skip is None:
            where = m.get("url", "").removeprefix(f"file:{site}/")
            errors.append(
                f"{where}:{m.get('lastLine')}: {m.get('type')}: {m.get('message')}\n"
                f"    {_markup(m).strip()}"
            )
        else:
            used.add(skip)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
    assert proc.returncode == (1 if used else 0), proc.stdout  # 1: errors found (only skipped ones)
    unused = [SKIPPED[n][2] for n in range(len(SKIPPED)) if n not in used]
    assert not unused, f"skipped rules that no longer occur (remove them): {unused}"
