"""JSON Schemas of the data files, generated from the models, for editors (VS Code YAML etc.)."""

from __future__ import annotations

import json
from pathlib import Path

from .schema import FILES


def schemas() -> dict[str, str]:
    """File name -> schema text, exactly as committed under schemas/."""
    out = {}
    for name, model in FILES.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"data/{name}.yml"
        out[f"{name}.schema.json"] = (
            json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        )
    return out


def write(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        (directory / name).write_text(text, encoding="utf-8")
        written.append(directory / name)
    return written
