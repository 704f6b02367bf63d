"""The one base of every error the application tells a person about.

A command that cannot do what was asked raises a subclass; ``roadmap.cli.main`` catches this
base once and prints the message (never a traceback) with the exit code. ``problems`` holds
the mistakes with their file and line where there are any (model.problems.Problem).
"""

from __future__ import annotations


class RoadmapError(Exception):
    exit_code = 1

    def __init__(self, message: str = "", problems: list | None = None):
        super().__init__(message)
        self.problems = list(problems or [])
