"""What the browser of an editor is told: which build it may show, and what is wrong now."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass
class Preview:
    generation: int = 0  # a new number after each rebuild, and each time the mistakes change
    problems: list[str] = field(default_factory=list)  # 'file:line: message'; [] when all is well
    _changed: threading.Condition = field(default_factory=threading.Condition)

    def rebuilt(self) -> None:
        self._set([])

    def failed(self, problems: list[str]) -> None:
        self._set(problems)

    def _set(self, problems: list[str]) -> None:
        with self._changed:
            self.generation += 1
            self.problems = problems
            self._changed.notify_all()

    def wait(self, since: int, timeout: float) -> dict:
        """The state once it differs from generation ``since`` (at once if it does already)."""
        with self._changed:
            self._changed.wait_for(lambda: self.generation != since, timeout=timeout)
            return {"generation": self.generation, "problems": list(self.problems)}
