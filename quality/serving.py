"""A built site served on 127.0.0.1 in a background thread, by the server of `roadmap serve`."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from roadmap.serve import Handler, Server


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
