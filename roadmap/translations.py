"""Hand data texts to translators and take their work back, one language at a time.

    python -m roadmap.translations export fr > fr.yml   # every data text: English + French
    python -m roadmap.translations import fr.yml fr     # writes the French texts into data/*.yml

Import edits the data files in place with ruamel.yaml, which keeps comments and layout.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from .i18n import CODES, DEFAULT

DATA = Path(__file__).resolve().parent.parent / "data"
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _walk(value, path=""):
    if isinstance(value, dict):
        if DEFAULT in value and set(value) <= set(CODES):
            yield path, value
            return
        for key, child in value.items():
            yield from _walk(child, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _walk(child, f"{path}[{i}]")


def export(lang: str) -> dict:
    out: dict = {}
    for f in sorted(DATA.glob("*.yml")):
        texts = {
            path: {DEFAULT: t[DEFAULT], lang: t.get(lang, "")}
            for path, t in _walk(yaml.safe_load(f.read_text(encoding="utf-8")))
        }
        if texts:
            out[f.name] = texts
    return out


def import_(source: Path, lang: str) -> int:
    from ruamel.yaml import YAML

    rt = YAML()
    rt.width = 4096
    rt.indent(mapping=2, sequence=4, offset=2)  # the layout our data files use
    rt.preserve_quotes = True
    done = 0
    for name, texts in yaml.safe_load(source.read_text(encoding="utf-8")).items():
        target = DATA / name
        doc = rt.load(target.read_text(encoding="utf-8"))
        for path, pair in texts.items():
            value = (pair or {}).get(lang)
            if not value:
                continue
            node = doc
            for key, index in _STEP.findall(path):
                node = node[int(index)] if index else node[key]
            node[lang] = value.strip()
            done += 1
        with open(target, "w", encoding="utf-8") as fh:
            rt.dump(doc, fh)
    return done


if __name__ == "__main__":
    if sys.argv[1] == "export":
        yaml.safe_dump(
            export(sys.argv[2]), sys.stdout, allow_unicode=True, sort_keys=False, width=4096
        )
    elif sys.argv[1] == "import":
        print(f"{import_(Path(sys.argv[2]), sys.argv[3])} texts imported")
