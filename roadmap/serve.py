"""Serve the built site on 127.0.0.1 and rebuild what an edit touches."""

from __future__ import annotations

import functools
import io
import tarfile
import tempfile
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from . import gitrepo
from .build import build
from .checks import check_sources
from .project import SOURCES, is_source
from .compression import CompressingHandler
from .i18n import CODES, DEFAULT

class Handler(CompressingHandler):
    root_404_only = False  # as static hosts (GitHub Pages) serve the published branch

    def send_error(self, code, message=None, explain=None):
        # Our own 404 pages: the language's when the address is under /<lang>/, else the root one.
        if code == 404:
            parts = self.path.lstrip("/").split("/", 1)
            root = Path(self.directory)
            in_lang = parts[0] in CODES and not self.root_404_only
            page = root / parts[0] / "404.html" if in_lang else root / "404.html"
            if page.exists():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
        super().send_error(code, message, explain)

    def log_message(self, format, *args):  # quiet: the console is for build progress
        pass


def _snapshot(root: Path) -> dict[Path, float]:
    files: dict[Path, float] = {}
    for pattern in SOURCES:
        for base in root.glob(pattern):
            for p in [base] if base.is_file() else base.rglob("*"):
                if p.is_file() and is_source(p, root):
                    files[p] = p.stat().st_mtime
    return files


def affected_languages(changed: list[Path], root: Path) -> list[str]:
    """An edit of docs/<lang>/ rebuilds that language; anything else (English is the fallback
    of every language, data feeds every page) rebuilds all."""
    langs: set[str] = set()
    for path in changed:
        rel = path.relative_to(root).parts
        if len(rel) > 1 and rel[0] == "docs" and rel[1] in CODES and rel[1] != DEFAULT:
            langs.add(rel[1])
        else:
            return list(CODES)
    return [c for c in CODES if c in langs]


def _watch(site_dir: Path, data_dir: Path, stop: threading.Event, root: Path) -> None:
    before = _snapshot(root)
    while not stop.wait(1.0):
        now = _snapshot(root)
        changed = [p for p in set(before) | set(now) if before.get(p) != now.get(p)]
        if not changed:
            continue
        before = now
        langs = affected_languages(changed, root)
        print(f"changed: {', '.join(str(p.relative_to(root)) for p in changed[:3])}"
              f"{' ...' if len(changed) > 3 else ''}; rebuilding {', '.join(langs)}")
        checked = check_sources(root, data_dir)
        if checked.errors:
            print("\n".join(map(str, checked.errors))
                  + f"\nnot rebuilt: fix the {checked.where}; the site shows the last good build")
            continue
        results = build(langs, site_dir, root=root)
        for r in results:
            if not r.ok:
                print(f"[{r.lang}] build failed; the site shows the last good build:\n{r.output}")
        before = _snapshot(root)


class PublishedHandler(Handler):
    root_404_only = True


def export_branch(root: Path, branch: str, dest: Path) -> None:
    """The files of ``branch`` into ``dest`` (no checkout, the working tree is untouched)."""
    archive = gitrepo.git(root, "archive", "--format=tar", branch)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")


def serve_published(root: Path, branch: str, host: str, port: int) -> int:
    if not gitrepo.rev(root, f"refs/heads/{branch}"):
        print(f"there is no {branch} branch: publish a draft first (roadmap publish DRAFT)")
        return 1
    with tempfile.TemporaryDirectory(prefix="roadmap-published-") as tmp:
        export_branch(root, branch, Path(tmp))
        print(f"serving branch {branch} as published")
        return serve(Path(tmp), host, port, watch=False, data_dir=root / "data", handler=PublishedHandler)


def serve(site_dir: Path, host: str, port: int, *, watch: bool, data_dir: Path,
          root: Path | None = None, handler: type[Handler] = Handler) -> int:
    server = ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(site_dir)))
    stop = threading.Event()
    if watch and root is not None:
        threading.Thread(target=_watch, args=(site_dir, data_dir, stop, root), daemon=True).start()
    print(f"serving the site at http://{host}:{port}/ (Ctrl+C stops)")
    for code in CODES:
        print(f"  {code}: http://{host}:{port}/{code}/")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
    return 0
