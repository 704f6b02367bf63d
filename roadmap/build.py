"""Build the language sites through the site engine, in parallel, all or nothing.

What is built is one ``Build`` value (roadmap/build_spec.py). The sources are checked and
loaded once (``inputs``); each language is then built in a worker process forked from this
one, handed the Build and the data as the fork's arguments, so that every worker starts with
the data, the comparison with the previous draft and the engine already loaded.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.process
import multiprocessing.queues
import os
import queue
import shutil
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from . import inputs, site
from .build_spec import Build
from .checks import Checked, check_sources, with_pages
from .engine import Built, engine
from .session import Session
from .site import write_root

Task = tuple[str, Path, "frozenset[str] | None"]  # language, its site folder, pages (None: all)


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
    build: Build,
    site_dir: Path,
    *,
    jobs: int | None = None,
    report: Callable[[str], object] = print,
    pages_told: Callable[[Checked], bool] = lambda checked: not checked.errors,
    session: Session | None = None,
) -> Outcome:
    """The data checked and loaded once, then ``build.langs`` built with it while the pages
    are checked (they feed nothing to the build, and a second core is free for them); a page
    mistake still stops the build. ``pages_told``: tells the pages' check, True if it passed.
    ``report``: each language's line as it is built; ``session``: a preview's (else new)."""
    session = session or Session()
    checked = check_sources(build.root, build.data_dir, pages=False, session=session)
    if checked.errors or checked.roadmap is None:
        return Outcome(checked, [])
    passed: list[bool] = []

    def pages() -> bool:
        passed.append(pages_told(with_pages(checked, build.root, session)))
        return passed[0]

    given = inputs.load(build, checked)
    results = build_site(
        build, site_dir, jobs=jobs, report=report, given=given, meanwhile=Meanwhile(check=pages)
    )
    return Outcome(checked, results, passed == [True])


def build_site(
    build: Build,
    site_dir: Path,
    *,
    jobs: int | None = None,
    report: Callable[[str], object] = print,
    given: inputs.Inputs | None = None,
    meanwhile: Meanwhile | None = None,
) -> list[Built]:
    """Build ``build.langs`` into ``site_dir``; on any failure nothing in ``site_dir`` changes.

    ``given``: the checked data of this build, handed to every language (else each loads it).
    ``meanwhile``: what may stop the build; given up, it changes nothing and returns [].
    """
    staging = site_dir.with_name(site_dir.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    langs = list(build.langs)
    results = _run(build, given, _tasks(langs, staging), _jobs(langs, jobs), report, meanwhile)
    if results and all(r.ok for r in results):
        _swap_in(langs, staging, site_dir)
        write_root(site_dir)
    shutil.rmtree(staging, ignore_errors=True)
    return results


def build_pages(
    build: Build,
    pages: dict[str, frozenset[str]],
    site_dir: Path,
    *,
    given: inputs.Inputs,
    report: Callable[[str], object] = print,
) -> list[Built]:
    """Render again only ``pages`` (language -> page sources) into the site built in
    ``site_dir``, in place: the live preview's quick rebuild, before a full one."""
    langs = list(pages)
    return _run(build, given, _tasks(langs, site_dir, pages), _jobs(langs, None), report)


def build_offline(
    build: Build,
    out_dir: Path,
    *,
    jobs: int | None = None,
    report: Callable[[str], object] = print,
) -> list[Built]:
    """The offline copy of each of ``build.langs`` into ``out_dir/<lang>/``, in parallel."""
    langs = list(build.langs)
    offline = replace(build, offline=True)
    return _run(offline, None, _tasks(langs, out_dir), _jobs(langs, jobs), report)


def build_disk_preview(build: Build, out_dir: Path, *, jobs: int | None = None) -> list[Built]:
    """The offline copies of ``build.langs`` side by side in ``out_dir``, linked to each other
    (not to the published site), with an index.html that chooses among them: a folder a
    reviewer opens from disk, where links, language links and search work without a server."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    results = build_offline(replace(build, side_by_side=True), out_dir, jobs=jobs)
    if all(r.ok for r in results):
        (out_dir / "index.html").write_text(site.disk_chooser(list(build.langs)), encoding="utf-8")
    return results


def _jobs(langs: list[str], jobs: int | None) -> int:
    """As asked, else a language per core."""
    return jobs or min(len(langs), os.cpu_count() or 1)


def _tasks(langs: list[str], out: Path, only: dict | None = None) -> list[Task]:
    return [(code, out / code, (only or {}).get(code)) for code in langs]


def _run(
    build: Build,
    given: inputs.Inputs | None,
    tasks: list[Task],
    jobs: int,
    report: Callable[[str], object],
    meanwhile: Meanwhile | None = None,
) -> list[Built]:
    """Each language in a process forked for it alone, so that each starts clean; [] when
    ``meanwhile`` gives the build up."""
    engine().prepare([task[0] for task in tasks])
    # What this process holds (the engine, jieba's dictionary, the data) is left out of the
    # workers' garbage collections, which would walk it all again and again (and would copy
    # the pages they share with this process); unfrozen after, for a long-lived preview.
    gc.freeze()
    try:
        with _Workers(build, given, jobs) as workers:
            return workers.run(tasks, report, meanwhile or Meanwhile())
    finally:
        gc.unfreeze()


class _Workers:
    """Processes forked from this one, each building one language of ``build``: the build and
    its data reach them as the arguments of the fork (nothing pickled, no module state); only
    what each built comes back, through a queue."""

    def __init__(self, build: Build, given: inputs.Inputs | None, jobs: int) -> None:
        self.build, self.given, self.jobs = build, given, jobs
        self.context = multiprocessing.get_context("fork")
        self.results: multiprocessing.queues.Queue = self.context.Queue()
        self.running: dict[str, multiprocessing.process.BaseProcess] = {}

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        for process in self.running.values():  # given up, or failed: none left behind
            process.terminate()
            process.join()
        self.results.close()

    def run(self, tasks: list[Task], report: Callable[[str], object], meanwhile: Meanwhile):
        waiting, done = list(tasks), dict[str, Built]()
        self._fill(waiting)  # forked before the caller's own work starts a thread beside them
        with ThreadPoolExecutor(1) as alongside:
            check = alongside.submit(meanwhile.check) if meanwhile.check else None
            while len(done) < len(tasks):
                self._fill(waiting)
                given_up = meanwhile.stop is not None and meanwhile.stop.is_set()
                if given_up or (check is not None and check.done() and not check.result()):
                    return []
                for result in self._finished():
                    report(
                        f"  [{result.lang}] {'built' if result.ok else 'FAILED'} in "
                        f"{result.seconds:.1f}s"
                    )
                    done[result.lang] = result
            if check is not None and not check.result():
                return []
        return [done[task[0]] for task in tasks]

    def _fill(self, waiting: list[Task]) -> None:
        while waiting and len(self.running) < self.jobs:
            self._start(waiting.pop(0))

    def _start(self, task: Task) -> None:
        lang, out_dir, only = task
        args = (self.build, lang, out_dir, self.given, only, self.results)
        process = self.context.Process(target=_build_one, args=args, daemon=True)
        process.start()
        self.running[lang] = process

    def _finished(self) -> list[Built]:
        """What the workers have sent within a twentieth of a second; a worker that died
        without a word (killed, out of memory) counts as a failed build."""
        try:
            found = [self.results.get(timeout=0.05)]
        except queue.Empty:
            found = [
                Built(lang, False, 0.0, f"the build's process ended with code {p.exitcode}")
                for lang, p in self.running.items()
                if p.exitcode not in (None, 0)
            ]
        for result in found:
            self.running.pop(result.lang).join()
        return found


def _build_one(
    build: Build,
    lang: str,
    out_dir: Path,
    given: inputs.Inputs | None,
    only: frozenset[str] | None,
    results: multiprocessing.queues.Queue,
) -> None:
    """A worker: one language, what it built sent back (a failure too, never a silence)."""
    try:
        results.put(engine().build(build, lang, out_dir, given, only))
    except BaseException as exc:
        results.put(Built(lang, False, 0.0, f"{type(exc).__name__}: {exc}"))


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
