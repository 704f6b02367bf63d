"""Serve the built site on 127.0.0.1 (`roadmap serve`); with the live preview, rebuild what an
edit touches and reload the browser."""

from __future__ import annotations

import functools
import io
import sys
import tarfile
import tempfile
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from .. import gitrepo
from ..build_spec import Build
from ..compression import CompressingHandler
from ..i18n import CODES, DEFAULT


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


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that drops a connection mid-reply (page closed, navigated away) is no error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


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
        return serve(Path(tmp), host, port, watch=False, handler=PublishedHandler)


def serve(
    site_dir: Path,
    host: str,
    port: int,
    *,
    watch: bool,
    build: Build | None = None,
    handler: type[Handler] = Handler,
) -> int:
    """Serve ``site_dir``; with ``watch``, rebuild ``build`` on edits and reload the browsers
    (live)."""
    stop = threading.Event()
    if watch and build is not None:
        from . import state
        from . import watch as watching
        from .live import handler_for

        preview = state.Preview()
        handler = handler_for(preview)
        rebuilder = watching.Rebuilder(build, site_dir, preview, affected_languages)
        threading.Thread(target=watching.watch, args=(rebuilder, stop), daemon=True).start()
    server = Server((host, port), functools.partial(handler, directory=str(site_dir)))
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
