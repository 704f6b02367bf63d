"""The baseline of the build benchmark: the same pages built by plain mkdocs-material.

A copy of the project's configuration without what is ours: no `roadmap` plugin (so no macros,
no data, no bracket rendering, no glossary tooltips, no fallback pages), no overrides/ (so no
language selector), no extra CSS or script, not strict. Pages keep their `{{ macro() }}` calls
as literal text: the baseline renders the same Markdown with the same theme and search index
(jieba for Chinese included), and nothing of our own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from roadmap.i18n import CODES, DEFAULT
from roadmap.project import config_file


def plain_project(root: Path, dest: Path) -> Path:
    """A copy of the project at ``root`` that roadmap.build.build() can build like ours."""
    shutil.copytree(root / "docs", dest / "docs")
    with open(root / "mkdocs.yml", encoding="utf-8") as fh:
        config = yaml_load(fh)
    config["plugins"] = {
        name: options for name, options in config["plugins"].items() if name != "roadmap"
    }
    config["theme"].pop("custom_dir", None)
    for key in ("extra_css", "extra_javascript", "validation"):
        config.pop(key, None)
    config.get("extra", {}).pop("alternate", None)  # our language selector is an override
    config["strict"] = False  # links to anchors that only macros draw do not resolve here
    (dest / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    for code in CODES:  # the language files only INHERIT and set the language: copied as they are
        if code != DEFAULT:
            shutil.copy(config_file(code, root), config_file(code, dest))
    return dest
