"""Build the language sites through the site engine, in parallel, all or nothing.

The sources are checked and loaded once (``inputs``); each language is then built in a worker
process forked from this one, so that every worker starts with the data, the comparison with
the previous draft and the engine already loaded.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import inputs, site
from .checks import Checked, check_sources, with_pages
from .engine import Built, engine
from .project import config_file
from .session import Session
from .site import write_root

Result = Built  # what one language's build gave
Task = tuple[str, Path, Path, dict, "frozenset[str] | None"]  # language, out, root, env, only


@dataclass(frozen=True)
class Meanwhile:
    """What the calling process does while the languages are built."""

    stop: threading.Event | None = None  # once set, the build is given up (an edit came)
    check: Callable[[], bool] | None = None  # its own work (the pages' check); False: given up


@dataclass
class Outcome:
    """What `roadmap build` did: the check of the sources, and each language's build (none when
    the data or the pages have mistakes: nothing was written)."""

    checked: Checked  # the data's check; its errors: nothing else was done
    results: list[Built]
    pages_ok: bool = False  # the pages' check passed

    @property
    def built(self) -> bool:
        return self.pages_ok and bool(self.results) and all(r.ok for r in self.results)


def build_checked(
    root: Path,
    data_dir: Path,
    langs: list[str],
    site_dir: Path,
    *,
    jobs: int | None = None,
    report: Callable[[str], object] = print,
    pages_told: Callable[[Checked], bool] = lambda checked: not checked.errors,
    session: Session | None = None,
) -> Outcome:
    """The data checked and loaded once, then ``langs`` built with it while the pages are
    checked (they feed nothing to the build, and a second core is free for them); a page
    mistake still stops the build. ``pages_told``: tells the pages' check, True if it passed.
    ``report``: each language's line as it is built; ``session``: a preview's (else new)."""
    session = session or Session()
    checked = check_sources(root, data_dir, pages=False, session=session)
    if checked.errors or checked.roadmap is None:
        return Outcome(checked, [])
    passed: list[bool] = []

    def pages() -> bool:
        passed.append(pages_told(with_pages(checked, root, session)))
        return passed[0]

    results = build(
        langs,
        site_dir,
        root=root,
        jobs=jobs,
        report=report,
        env={"ROADMAP_DATA_DIR": str(data_dir)},
        shared=inputs.load(root, data_dir, None, checked),
        meanwhile=Meanwhile(check=pages),
    )
    return Outcome(checked, results, passed == [True])


def build_language(
    code: str,
    out_dir: Path,
    root: Path,
    env: dict | None = None,
    only: frozenset[str] | None = None,
) -> Built:
    """One language, in this process (``only``: these pages again, into a built site)."""
    return engine().build(code, config_file(code, root), out_dir, dict(env or {}), only)


def build(
    langs: list[str],
    site_dir: Path,
    *,
    root: Path,
    jobs: int | None = None,
    report: Callable[[str], object] = print,
    env: dict | None = None,
    shared: inputs.Inputs | None = None,
    meanwhile: Meanwhile | None = None,
) -> list[Built]:
    """Build ``langs`` into ``site_dir``; on any failure nothing in ``site_dir`` changes.

    ``shared``: the checked data of this build, handed to every language (else each loads it).
    ``meanwhile``: what may stop the build; given up, it changes nothing and returns [].
    """
    staging = site_dir.with_name(site_dir.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    env = dict(env or {})
    if shared is not None:
        _share(root, env, shared)
    engine().prepare(langs)
    results = _run(
        _tasks(langs, staging, root, env), _jobs(langs, jobs), report, meanwhile=meanwhile
    )
    if results and all(r.ok for r in results):
        _swap_in(langs, staging, site_dir)
        write_root(site_dir)
    shutil.rmtree(staging, ignore_errors=True)
    return results


def build_pages(
    pages: dict[str, frozenset[str]],
    site_dir: Path,
    *,
    root: Path,
    env: dict,
    shared: inputs.Inputs,
    report: Callable[[str], object] = print,
) -> list[Built]:
    """Render again only ``pages`` (language -> page sources) into the site built in
    ``site_dir``, in place: the live preview's quick rebuild, before a full one."""
    _share(root, env, shared)
    langs = list(pages)
    engine().prepare(langs)
    return _run(_tasks(langs, site_dir, root, env, pages), _jobs(langs, None), report)


def _share(root: Path, env: dict, shared: inputs.Inputs) -> None:
    """Hand ``shared`` to the workers of the build ``env`` describes (data, draft)."""
    data_dir = Path(env.get("ROADMAP_DATA_DIR", root / "data"))
    inputs.share(root, data_dir, env.get("MIKE_DOCS_VERSION") or None, shared)


def _jobs(langs: list[str], jobs: int | None) -> int:
    """As asked, else a language per core."""
    return jobs or min(len(langs), os.cpu_count() or 1)


def _build_one(task: Task) -> Built:
    return build_language(*task)


def _build_offline_one(task: Task) -> Built:
    code, out_dir, root, env, _ = task
    return engine().build_offline(code, config_file(code, root), out_dir, dict(env))


def build_offline(
    langs: list[str],
    out_dir: Path,
    *,
    root: Path,
    env: dict,
    jobs: int | None = None,
    report: Callable[[str], object] = print,
) -> list[Built]:
    """The offline copy of each of ``langs`` into ``out_dir/<lang>/``, in parallel workers."""
    engine().prepare(langs)
    return _run(_tasks(langs, out_dir, root, env), _jobs(langs, jobs), report, _build_offline_one)


PREVIEW_ON_DISK = "ROADMAP_PREVIEW_ON_DISK"  # the build's environment: languages side by side


def build_disk_preview(
    langs: list[str], out_dir: Path, *, root: Path, data_dir: Path, jobs: int | None = None
) -> list[Built]:
    """The offline copies of ``langs`` side by side in ``out_dir``, linked to each other (not to
    the published site), with an index.html that chooses among them: a folder a reviewer opens
    from disk, where links, language links and search work without a server."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    env = {"ROADMAP_DATA_DIR": str(data_dir), PREVIEW_ON_DISK: "1"}
    results = build_offline(langs, out_dir, root=root, env=env, jobs=jobs)
    if all(r.ok for r in results):
        (out_dir / "index.html").write_text(site.disk_chooser(langs), encoding="utf-8")
    return results


def _tasks(
    langs: list[str], out: Path, root: Path, env: dict, only: dict | None = None
) -> list[Task]:
    return [(code, out / code, root, env, (only or {}).get(code)) for code in langs]


def _run(
    tasks: list[Task],
    jobs: int,
    report: Callable[[str], object],
    worker: Callable[[Task], Built] = _build_one,
    meanwhile: Meanwhile | None = None,
) -> list[Built]:
    """Each language in a worker forked for it alone, so that each starts clean; [] when
    ``meanwhile`` gives the build up (the pool's exit stops the workers)."""
    # What this process holds (the engine, jieba's dictionary, the data) is left out of the
    # workers' garbage collections, which would walk it all again and again (and would copy
    # the pages they share with this process); unfrozen after, for a long-lived preview.
    gc.freeze()
    try:
        return _collect(tasks, jobs, report, worker, meanwhile)
    finally:
        gc.unfreeze()


def _collect(
    tasks: list[Task],
    jobs: int,
    report: Callable[[str], object],
    worker: Callable[[Task], Built],
    meanwhile: Meanwhile | None,
) -> list[Built]:
    stop, alongside = (meanwhile.stop, meanwhile.check) if meanwhile else (None, None)
    done: dict[str, Built] = {}
    with multiprocessing.get_context("fork").Pool(jobs, maxtasksperchild=1) as pool:
        results = pool.imap_unordered(worker, tasks)
        if alongside is not None and not alongside():
            return []
        while len(done) < len(tasks):
            try:
                result = results.next(timeout=0.05)
            except multiprocessing.TimeoutError:
                if stop is not None and stop.is_set():
                    return []
                continue
            report(
                f"  [{result.lang}] {'built' if result.ok else 'FAILED'} in {result.seconds:.1f}s"
            )
            done[result.lang] = result
    return [done[task[0]] for task in tasks]


def _swap_in(langs: list[str], staging: Path, site_dir: Path) -> None:
    """Each language moved in whole: a reader never sees half a language."""
    site_dir.mkdir(parents=True, exist_ok=True)
    for code in langs:
        old = site_dir / f".{code}.old"
        shutil.rmtree(old, ignore_errors=True)
        if (site_dir / code).exists():
            (site_dir / code).rename(old)
        (staging / code).rename(site_dir / code)
        shutil.rmtree(old, ignore_errors=True)
