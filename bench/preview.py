"""How long an edit takes to reach the browser in `roadmap serve`'s live preview.

`roadmap serve` runs on a copy of the project; Chromium has a page open; the time is taken from
the moment the file is saved to the moment the open page shows the edit (it reloads itself).
"""

from __future__ import annotations

import statistics
import time
from contextlib import contextmanager
from pathlib import Path

from quality.serving import roadmap_serve
from roadmap.project import copy_sources


@contextmanager
def serving(project: Path):
    with roadmap_serve(project=project, ready="/fr/", seconds=120) as (base, _):
        yield base


def _seconds_to_show(browser, url: str, save, marker: str) -> float:
    page = browser.new_page()
    page.goto(url)
    page.wait_for_function(
        "() => performance.getEntriesByType('resource')"
        ".some(e => e.name.includes('/.roadmap/live'))"
    )
    time.sleep(0.3)  # the first poll is held by the server now
    started = time.perf_counter()
    save()
    page.wait_for_function(
        f"() => document.body && document.body.innerText.includes({marker!r})", timeout=30000
    )
    seconds = time.perf_counter() - started
    page.close()
    return seconds


def latencies(browser, root: Path, tmp: Path, runs: int = 3) -> dict[str, float]:
    """Median seconds from save to browser: a page of one language, and a data text (six)."""
    project = copy_sources(root, tmp / "preview-project")
    page_file, data_file = project / "docs/fr/group.md", project / "data/phases.yml"
    page_text, data_text = (
        page_file.read_text(encoding="utf-8"),
        data_file.read_text(encoding="utf-8"),
    )
    out: dict[str, list[float]] = {"page": [], "data": []}
    with serving(project) as base:
        for n in range(runs):
            marker = f"Aperçu{n}"
            out["page"].append(
                _seconds_to_show(
                    browser,
                    f"{base}/fr/group/",
                    lambda m=marker: page_file.write_text(
                        page_text + f"\n\n{m}\n", encoding="utf-8"
                    ),
                    marker,
                )
            )
            marker = f"Phase{n}X"
            out["data"].append(
                _seconds_to_show(
                    browser,
                    f"{base}/ar/roadmap/",
                    lambda m=marker: data_file.write_text(  # the first Arabic title of a phase
                        data_text.replace("ar: '", f"ar: '{m} ", 1), encoding="utf-8"
                    ),
                    marker,
                )
            )
    return {kind: statistics.median(times) for kind, times in out.items()}
