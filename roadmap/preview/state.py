"""What the browser of an editor is told: which build it may show, and what is wrong now."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field


@dataclass
class Preview:
    generation: int = 0  # a new number after each rebuild, and each time the mistakes change
    problems: list[str] = field(default_factory=list)  # 'file:line: message'; [] when all is well
    _changed: threading.Condition = field(default_factory=threading.Condition)
    _open: dict[str, float] = field(default_factory=dict)  # page address -> open until (clock)

    def rebuilt(self) -> None:
        self._set([])

    def failed(self, problems: list[str]) -> None:
        self._set(problems)

    def _set(self, problems: list[str]) -> None:
        with self._changed:
            self.generation += 1
            self.problems = problems
            self._changed.notify_all()

    def seen(self, page: str, poll: float) -> None:
        """A browser shows ``page`` and asks again within ``poll`` seconds while it does."""
        with self._changed:
            self._open[page] = time.monotonic() + 2 * poll

    def open_pages(self) -> list[str]:
        """The addresses of the pages open in a browser now."""
        now = time.monotonic()
        with self._changed:
            return sorted(page for page, until in self._open.items() if until > now)

    def wait(self, since: int, timeout: float) -> dict:
        """The state once it differs from generation ``since`` (at once if it does already)."""
        with self._changed:
            self._changed.wait_for(lambda: self.generation != since, timeout=timeout)
            return {"generation": self.generation, "problems": list(self.problems)}
