"""Serve the built site on 127.0.0.1 and rebuild what an edit touches."""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from .build import ROOT, build
from .compression import CompressingHandler
from .i18n import CODES, DEFAULT
from .model import DataError, load_roadmap

WATCHED = ("docs", "data", "overrides", "macros", "mkdocs.yml")


class Handler(CompressingHandler):
    def send_error(self, code, message=None, explain=None):
        # Our own 404 pages: the language's when the address is under /<lang>/, else the root one.
        if code == 404:
            parts = self.path.lstrip("/").split("/", 1)
            root = Path(self.directory)
            page = root / parts[0] / "404.html" if parts[0] in CODES else root / "404.html"
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
    for name in WATCHED:
        base = root / name
        paths = [base] if base.is_file() else base.rglob("*")
        for p in paths:
            if p.is_file() and "__pycache__" not in p.parts:
                files[p] = p.stat().st_mtime
    return files


def affected_languages(changed: list[Path], root: Path = ROOT) -> list[str]:
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


def _watch(site_dir: Path, data_dir: Path, stop: threading.Event, root: Path = ROOT) -> None:
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
        try:
            load_roadmap(data_dir)
        except DataError as exc:
            print(f"{exc}\nnot rebuilt: fix the data; the site shows the last good build")
            continue
        results = build(langs, site_dir)
        for r in results:
            if not r.ok:
                print(f"[{r.lang}] build failed; the site shows the last good build:\n{r.output}")
        before = _snapshot(root)


def serve(site_dir: Path, host: str, port: int, *, watch: bool, data_dir: Path) -> int:
    handler = functools.partial(Handler, directory=str(site_dir))
    server = ThreadingHTTPServer((host, port), handler)
    stop = threading.Event()
    if watch:
        threading.Thread(target=_watch, args=(site_dir, data_dir, stop), daemon=True).start()
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
