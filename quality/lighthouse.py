"""Lighthouse (npm, pinned in package-lock.json) on pages of a served site, in Debian's Chromium.

`make bench` runs one Lighthouse process per page, each with a fresh Chromium: Lighthouse's own
advice for performance scores that do not depend on what was loaded before. The tests attach it
to the test session's one Chromium (``port``) for the categories that do not time anything.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass, field

from roadmap.i18n.languages import SAMPLE

from .tools import CHROMIUM_FLAGS, LIGHTHOUSE, chromium, npm_file

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The home, roadmap and work plan pages in the sample languages (English, Arabic, Chinese).
KINDS = ("", "roadmap/", "workplan/")
PAGES = tuple(f"/{lang}/{page}" for lang in SAMPLE for page in KINDS)
# The gate in the tests: each kind of page once, each in another sample language.
GATE_PAGES = tuple(f"/{lang}/{page}" for lang, page in zip(SAMPLE, KINDS, strict=True))
# What the gate scores: the categories that time nothing (accessibility is axe's, on every page)
GATED = ("best-practices", "seo")


@dataclass
class Report:
    url: str
    scores: dict[str, float]
    # "category: audit id (what it measured)" for every scored audit that is not perfect
    shortfalls: list[str] = field(default_factory=list)


def audit(
    url: str, categories: tuple[str, ...] = CATEGORIES, timeout: int = 240, port: int | None = None
) -> Report:
    """Lighthouse's default run: a phone on a slow 4G network and a slowed-down CPU, simulated.
    ``port``: the debugging port of a running Chromium to use instead of starting one."""
    browser = [f"--port={port}"] if port else [f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}"]
    proc = subprocess.run(
        [
            "node",
            str(npm_file(LIGHTHOUSE)),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(categories)}",
            "--disable-full-page-screenshot",  # a picture for the HTML report, not for a score
            *browser,
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, "CHROME_PATH": chromium()},
    )
    if proc.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{proc.stderr[-2000:]}")
    lhr = json.loads(proc.stdout)
    if lhr.get("runtimeError"):
        raise RuntimeError(f"lighthouse could not test {url}: {lhr['runtimeError']}")
    report = Report(url, {name: lhr["categories"][name]["score"] for name in categories})
    for name in categories:
        for ref in lhr["categories"][name]["auditRefs"]:
            result = lhr["audits"][ref["id"]]
            if ref["weight"] > 0 and result["score"] is not None and result["score"] < 1:
                shown = result.get("displayValue") or f"score {result['score']}"
                report.shortfalls.append(f"{name}: {ref['id']} ({shown})")
    return report
