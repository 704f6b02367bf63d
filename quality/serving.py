"""A built site served on 127.0.0.1 in a background thread, by the server of `roadmap serve`."""

from __future__ import annotations

import functools
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from roadmap.preview.server import Handler, Server


@contextmanager
def served(site_dir: Path, handler: type[Handler] = Handler) -> Iterator[str]:
    """Yields the base address (no trailing slash); a free port is picked."""
    httpd = Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def roadmap_serve(
    *args: str, project: Path | None = None, ready: str = "/", seconds: float = 120
) -> Iterator[tuple[str, Path]]:
    """`roadmap serve ARGS` on a free port, as a user runs it: yields its base address once
    ``ready`` answers, and the file its output goes to (a file: a pipe nobody reads would
    fill up and stall it); stopped on the way out."""
    port = free_port()
    where = ["--project", str(project)] if project else []
    with tempfile.TemporaryDirectory(prefix="roadmap-serve-") as tmp:
        log = Path(tmp) / "output.txt"
        with open(log, "w") as out:
            proc = subprocess.Popen(
                [sys.executable, "-m", "roadmap.cli", *where, "serve", *args, "--port", str(port)],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait(base + ready, proc, seconds)
            yield base, log
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def _wait(url: str, proc: subprocess.Popen, seconds: float) -> None:
    """Until ``url`` answers (a 404 is an answer), the server ends, or time is up."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
