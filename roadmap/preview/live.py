"""The preview server: the site as built, plus the live-reload script in every page it sends."""

from __future__ import annotations

import io
import json
import os
from importlib.resources import files
from urllib.parse import parse_qs, urlsplit

from .server import Handler
from .state import Preview

LIVE = "/.roadmap/live"  # long poll: answers when the preview's state changes
SCRIPT = "/.roadmap/live.js"
_TAG = f'<script src="{SCRIPT}" defer></script>'.encode()
_WAIT = 20.0  # seconds a poll is held open; the script asks again at once


class LiveHandler(Handler):
    preview: Preview  # set on the subclass made by ``handler_for``

    def do_GET(self):
        path = urlsplit(self.path).path
        if path == LIVE:
            return self._state()
        if path == SCRIPT:
            return self._send(
                files(__package__).joinpath("live.js").read_bytes(),
                "text/javascript; charset=utf-8",
            )
        return super().do_GET()

    def send_head(self):
        html = self._html_file()
        if html is None:
            return super().send_head()
        with open(html, "rb") as fh:
            body = fh.read().replace(b"</body>", _TAG + b"</body>", 1)
        self.send_response(200)
        self._headers(body, "text/html; charset=utf-8")
        return io.BytesIO(body)

    def _html_file(self) -> str | None:
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not urlsplit(self.path).path.endswith("/"):
                return None  # the parent class redirects to the address with a slash
            path = os.path.join(path, "index.html")
        return path if path.endswith(".html") and os.path.isfile(path) else None

    def _state(self):
        query = parse_qs(urlsplit(self.path).query)
        try:
            since = int(query.get("since", ["-1"])[0])
        except ValueError:
            since = -1
        page = query.get("page", [""])[0]
        if page.startswith("/"):
            self.preview.seen(page, _WAIT)
        state = self.preview.wait(since, _WAIT)
        self._send(json.dumps(state).encode(), "application/json")

    def _send(self, body: bytes, ctype: str) -> None:
        self.send_response(200)
        self._headers(body, ctype)
        self.wfile.write(body)

    def _headers(self, body: bytes, ctype: str) -> None:
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()


def handler_for(preview: Preview) -> type[LiveHandler]:
    return type("BoundLiveHandler", (LiveHandler,), {"preview": preview})
