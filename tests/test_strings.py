"""Interface strings: complete in all six languages, placeholders intact."""

from __future__ import annotations

import re

import pytest

from roadmap.i18n import CODES, DEFAULT, strings

PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.mark.parametrize("code", [c for c in CODES if c != DEFAULT])
def test_same_keys_as_english(code):
    en, other = strings(DEFAULT), strings(code)
    assert sorted(set(en) - set(other)) == [], f"missing in {code}"
    assert sorted(set(other) - set(en)) == [], f"unknown in {code}"


@pytest.mark.parametrize("code", [c for c in CODES if c != DEFAULT])
def test_placeholders_kept_and_texts_translated(code):
    en, other = strings(DEFAULT), strings(code)
    for key, text in en.items():
        assert set(PLACEHOLDER.findall(other[key])) == set(PLACEHOLDER.findall(text)), (code, key)
        assert other[key].strip(), (code, key)


def test_language_configs_match_the_language_list():
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parent.parent
    children = {p.name.split(".")[1] for p in root.glob("mkdocs.*.yml")}
    assert children == set(CODES) - {DEFAULT}
    for code in children:
        cfg = yaml.load((root / f"mkdocs.{code}.yml").read_text(), Loader=yaml.BaseLoader)
        assert cfg["INHERIT"] == "mkdocs.yml"
        assert cfg["theme"]["language"] == code and cfg["docs_dir"] == f"docs/{code}"
        assert cfg["site_dir"] == f"site/{code}" and cfg["plugins"]["search"]["lang"] == code
        assert (root / "docs" / code).is_dir()
