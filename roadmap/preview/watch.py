"""Rebuild what an edit touches, on file events (watchdog), and tell the preview's browsers.

What an edit touches (``plan``) and a browser shows is rendered again at once, alone, and the
browsers told; the languages it touched are built whole once the edits pause (REFRESH), which
brings every other page and the search index up to date (an edit that comes first stops it).
With no page open that the edit touches, the languages are built whole at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .. import inputs
from ..build import Meanwhile, build_pages, build_site
from ..build_spec import Build
from ..checks import check_sources
from ..engine import Built, engine
from ..i18n import CODES
from ..project import SOURCES, is_source
from ..session import Session
from .plan import quick_plan, shown
from .state import Preview

QUIET = 0.05  # seconds without a new event before rebuilding: an editor's save is several events
# What changes a file; watchdog also reports reading one (opened, closed_no_write), which every
# build does: a rebuild on those would start the next one, without end.
CHANGES = frozenset({"created", "modified", "deleted", "moved", "closed"})
REFRESH = 1.0  # seconds without an edit before the languages rendered in part are built whole


class Rebuilder(FileSystemEventHandler):
    def __init__(
        self,
        build: Build,
        site_dir: Path,
        preview: Preview,
        affected: Callable[[list[Path], Path], list[str]],
        report=print,
    ) -> None:
        self.build, self.site_dir = build, site_dir  # what every build of the preview builds
        self.root, self.data_dir = build.root, build.data_dir
        self.preview, self.affected, self.report = preview, affected, report
        self.session = Session()  # the data and pages as last checked, kept between rebuilds
        self._pending: set[Path] = set()
        self._partial: set[str] = set()  # languages rendered in part since their last full build
        self._lock = threading.Lock()
        self._wake = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in CHANGES:
            return
        paths = [event.src_path, getattr(event, "dest_path", "")]
        found = [Path(str(p)) for p in paths if p and is_source(Path(str(p)), self.root)]
        if found:
            with self._lock:
                self._pending.update(found)
            self._wake.set()

    def warm(self) -> None:
        """Load what every rebuild needs (the engine, the data) before the first edit."""
        engine().prepare(list(CODES))
        check_sources(self.root, self.data_dir, session=self.session)

    def run(self, stop: threading.Event) -> None:
        """Wait for edits; once they are quiet for a moment, rebuild."""
        while not stop.is_set():
            if not self._wake.wait(REFRESH):
                if self._partial:
                    self.refresh()
                continue
            while self._wake.is_set():  # more events keep coming: wait until they stop
                self._wake.clear()
                time.sleep(QUIET)
            with self._lock:
                changed, self._pending = sorted(self._pending), set()
            if changed:
                self.rebuild(changed)

    def rebuild(self, changed: list[Path]) -> None:
        langs = self.affected(changed, self.root)
        names = ", ".join(str(p.relative_to(self.root)) for p in changed[:3])
        self.report(
            f"changed: {names}{' ...' if len(changed) > 3 else ''}; rebuilding {', '.join(langs)}"
        )
        shared = self._checked()
        if shared is None:
            return
        plan = quick_plan(changed, self.root, self.site_dir)
        first = shown(plan, self.preview.open_pages()) if plan is not None else {}
        if not first:  # nothing open that the edit touches, or only a full build will do
            self._tell(self._build(langs, shared))
            self._partial -= set(langs)
            return
        open_now = ", ".join(f"docs/{c}/{src}" for c, pages in first.items() for src in pages)
        self.report(f"rendering first what a browser shows: {open_now}")
        self._tell(build_pages(self.build, first, self.site_dir, given=shared, report=self.report))
        self._partial |= set(langs)

    def refresh(self) -> None:
        """The languages rendered in part, built whole; the browsers are told if a page they
        show changed with it, or if it failed."""
        langs, self._partial = [c for c in CODES if c in self._partial], set()
        self.report(f"building {', '.join(langs)} whole (the pages not open, search index)")
        shared = self._checked()
        if shared is None:
            return
        before = self._open_files()
        results = self._build(langs, shared, stop=self._wake)  # an edit comes first
        if not results:
            self._partial |= set(langs)
            self.report("given up for the edit that came; built whole after it")
        elif not all(r.ok for r in results) or self._open_files() != before:
            self._tell(results)

    def _open_files(self) -> dict[str, bytes | None]:
        """What the pages open in a browser hold on disk now."""
        files = {}
        for address in self.preview.open_pages():
            html = self.site_dir / address.strip("/") / "index.html"
            files[address] = html.read_bytes() if html.is_file() else None
        return files

    def _checked(self) -> inputs.Inputs | None:
        """The sources checked and loaded; None, the browsers told, when they have mistakes."""
        checked = check_sources(self.root, self.data_dir, session=self.session)
        if checked.errors or checked.roadmap is None:
            self.report(
                "\n".join(map(str, checked.errors))
                + f"\nnot rebuilt: fix the {checked.where}; the site shows the last good build"
            )
            self.preview.failed([str(p) for p in checked.errors])
            return None
        return inputs.load(self.build, checked)

    def _build(
        self, langs: list[str], shared: inputs.Inputs, stop: threading.Event | None = None
    ) -> list[Built]:
        return build_site(
            replace(self.build, langs=tuple(langs)),
            self.site_dir,
            given=shared,
            report=self.report,
            meanwhile=Meanwhile(stop=stop),
        )

    def _tell(self, results: list[Built]) -> None:
        failed = [r for r in results if not r.ok]
        for r in failed:
            self.report(f"[{r.lang}] build failed; the site shows the last good build:\n{r.output}")
        if failed:
            self.preview.failed([line for r in failed for line in r.output.splitlines()])
        else:
            self.preview.rebuilt()


def watch(rebuilder: Rebuilder, stop: threading.Event) -> None:
    """File events under the project folder, until ``stop``."""
    observer = Observer()
    root = rebuilder.root
    observer.schedule(rebuilder, str(root), recursive=False)  # mkdocs*.yml, pyproject.toml
    for pattern in SOURCES:  # the folders of the sources, not .venv/ or node_modules/
        for folder in root.glob(pattern):
            if folder.is_dir():
                observer.schedule(rebuilder, str(folder), recursive=True)
    observer.start()
    try:
        rebuilder.warm()
        rebuilder.run(stop)
    finally:
        observer.stop()
        observer.join(timeout=5)
