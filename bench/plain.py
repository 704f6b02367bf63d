"""The baseline of the build benchmark: the same pages built by plain mkdocs-material.

"The same pages" are the pages our build renders, each with the Markdown our plugin hands to
the engine (macros drawn, brackets marked, notices added), the side-by-side views, the status
page and the English pages shown in place of missing translations included. They are taken
from one build of ours (``capture``) and written as plain Markdown files; the configuration is
the project's without what is ours: no `roadmap` plugin (so no macros, no data, no hooks), no
overrides/ (so no language selector), no extra CSS or script, not strict. The baseline then
does everything a Markdown-to-site build of this content must do (parse, highlight, theme,
search index with jieba for Chinese); the difference is what our plugin costs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from macros.mkdocs_engine import config_file
from roadmap.i18n import CODES, DEFAULT


def capture(root: Path, langs: list[str], site: Path) -> dict[str, dict[str, str]]:
    """Language -> page source -> the Markdown our plugin gave the engine for it."""
    from macros.plugin import RoadmapPlugin
    from roadmap.build_spec import of_project
    from roadmap.engine import engine

    pages: dict[str, dict[str, str]] = {}
    ours = RoadmapPlugin.on_page_markdown

    def recorded(self, markdown, page, config, **kwargs):
        out = ours(self, markdown, page, config, **kwargs)
        front = yaml.safe_dump(dict(page.meta), allow_unicode=True) if page.meta else ""
        pages.setdefault(self.one.lang, {})[page.file.src_uri] = (
            f"---\n{front}---\n\n{out}" if front else out
        )
        return out

    RoadmapPlugin.on_page_markdown = recorded  # type: ignore[method-assign]
    try:
        for code in langs:
            engine().build(of_project(root), code, site / code)
    finally:
        RoadmapPlugin.on_page_markdown = ours  # type: ignore[method-assign]
    return pages


def plain_project(root: Path, dest: Path, pages: dict[str, dict[str, str]]) -> Path:
    """A project at ``dest`` holding ``pages`` that roadmap.build.build_site() builds like ours."""
    for code, sources in pages.items():
        for src, markdown in sources.items():
            target = dest / "docs" / code / src
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, encoding="utf-8")
    with open(root / "mkdocs.yml", encoding="utf-8") as fh:
        config = yaml_load(fh)
    config["plugins"] = {
        name: options for name, options in config["plugins"].items() if name != "roadmap"
    }
    config["theme"].pop("custom_dir", None)
    for key in ("extra_css", "extra_javascript", "validation"):
        config.pop(key, None)
    config.get("extra", {}).pop("alternate", None)  # our language selector is an override
    config["strict"] = False  # the views are in no nav: the engine says so, as information
    (dest / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    for code in CODES:  # the language files only INHERIT and set the language: copied as they are
        if code != DEFAULT:
            shutil.copy(config_file(code, root), config_file(code, dest))
    return dest
