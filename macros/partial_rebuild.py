"""The live preview's quick rebuild: MkDocs' own dirty build, told which pages to render
into the language's built site; the other pages are read for their titles (the navigation),
and the search index of the last full build is kept. A full build follows (roadmap serve)."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

SEARCH_INDEX = "search/search_index.json"
_ATTRIBUTES = re.compile(r"\s*\{[:#][^}]*\}\s*$")


class Only(BasePlugin):  # is_modified decides what a dirty build renders
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
                page.title = _title(page)
        return nav


def _title(page) -> str | None:
    """The title as a full build finds it for a plain heading: the first line '# Title'
    (an id '{#...}' aside), spaces collapsed; inline markup stays until the full build."""
    if "title" in page.meta:
        return page.meta["title"]
    first = next((line for line in page.markdown.splitlines() if line.strip()), "")
    if not first.startswith("# "):
        return None
    return " ".join(_ATTRIBUTES.sub("", first[2:]).split())


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns of a dirty build, which strict would stop on: here it is the purpose."""

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
