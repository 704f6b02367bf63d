"""`roadmap publish` as a user runs it, but without printing the PDFs and building the offline
copies (a third of a publish): for the tests of what happens around them, such as two
publishers racing. The history's publishes make them (tests/drafts_history.py), and the tests
of the editions read those."""

import sys

from roadmap import cli, publish


def no_editions(*_args, **_kwargs) -> None:
    """In place of roadmap.publish._make_editions."""


if __name__ == "__main__":
    publish._make_editions = no_editions
    sys.exit(cli.main())
