"""The live preview's quick rebuild: MkDocs' own dirty build, told which pages to render.

Only the pages named are read, rendered and written into the language's existing site; the
others keep their files, and the search index of the last full build is kept (a dirty build
would index the rendered pages alone). Every other page is still read for its title, so the
navigation is whole. ``roadmap serve`` follows with a full build once the edits pause.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

SEARCH_INDEX = "search/search_index.json"


class Only(BasePlugin):
    def __init__(self, pages: frozenset[str]) -> None:
        super().__init__()
        self.pages = pages

    @event_priority(-100)  # after every plugin that adds files (ours adds the views)
    def on_files(self, files, config):
        for file in files:
            wanted = file.is_documentation_page() and file.src_uri in self.pages
            file.is_modified = (lambda: True) if wanted else (lambda: False)
        return files

    @event_priority(-100)
    def on_nav(self, nav, config, files):
        for page in nav.pages:  # the titles of the pages not rendered, for the navigation
            if page.file.src_uri not in self.pages:
                page.read_source(config)
        return nav


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns of a dirty build: here it is the purpose, and strict would stop on it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def run(build, config, pages: frozenset[str]) -> None:
    """``build``: mkdocs.commands.build.build, run dirty with only ``pages`` rendered."""
    config.plugins["roadmap/only"] = Only(pages)
    index = Path(config["site_dir"]) / SEARCH_INDEX
    kept = index.read_bytes() if index.is_file() else None
    quiet = _NoDirtyWarning()
    logger = logging.getLogger("mkdocs.commands.build")
    logger.addFilter(quiet)
    try:
        build(config, dirty=True)
    finally:
        logger.removeFilter(quiet)
        if kept is not None:
            index.write_bytes(kept)
