"""The data of a draft as files to download: JSON with its JSON Schema, and CSV per table.

JSON carries every language (for software); CSV carries the reader's language (for
spreadsheets), in UTF-8 with a byte order mark so that spreadsheet programs read Arabic and
Chinese correctly. Dates are ISO 8601 and numbers plain, whatever the language.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from pydantic import BaseModel

from .i18n import t
from .model import Roadmap
from .model.schema import Activity, Actor, Draft, Event, FundingSource, Phase, Resource, Term

FOLDER = "downloads"
NAMES = {
    "json": "roadmap.json",
    "schema": "roadmap.schema.json",
    "workplan": "workplan.csv",
    "resources": "resources.csv",
}


class Export(BaseModel):
    """One draft's data, as published for download."""

    draft: Draft
    phases: list[Phase]
    activities: list[Activity]
    funding_sources: list[FundingSource]
    resources: list[Resource]
    events: list[Event]
    actors: list[Actor]
    terms: list[Term]


def export(roadmap: Roadmap, draft: Draft) -> Export:
    return Export(
        draft=draft,
        phases=roadmap.phases,
        activities=roadmap.activities,
        funding_sources=roadmap.funding_sources,
        resources=roadmap.resources,
        events=roadmap.events,
        actors=roadmap.actors,
        terms=roadmap.terms,
    )


def schema() -> str:
    out = Export.model_json_schema()
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["title"] = "CHM roadmap: the data of one draft"
    return json.dumps(out, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _csv(header: list[str], rows: list[list]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return "\ufeff" + buf.getvalue()


def _number(value: float | None):
    return None if value is None else (int(value) if float(value).is_integer() else value)


def workplan_csv(roadmap: Roadmap, lang: str) -> str:
    keys = [
        "id",
        "phase",
        "objectives",
        "item",
        "lead",
        "partners",
        "start",
        "end",
        "depends_on",
        "status",
        "deliverables",
        "description",
    ]
    header = [t(lang, f"csv.{k}") for k in keys]
    actor = roadmap.actor_by_id
    rows = [
        [
            a.id,
            a.phase,
            " ".join(a.objectives),
            a.title.get(lang),
            actor[a.lead].name.get(lang),
            "; ".join(actor[p].name.get(lang) for p in a.partners),
            a.start.isoformat(),
            a.end.isoformat(),
            " ".join(a.depends_on),
            t(lang, f"status.{a.status}"),
            "; ".join(d.get(lang) for d in a.deliverables),
            a.description.get(lang) if a.description else None,
        ]
        for a in roadmap.activities
    ]
    return _csv(header, rows)


def resources_csv(roadmap: Roadmap, lang: str) -> str:
    keys = [
        "id",
        "phase",
        "kind",
        "item",
        "quantity",
        "unit",
        "amount",
        "currency",
        "recurrence",
        "funding",
        "tentative",
        "description",
    ]
    header = [t(lang, f"csv.{k}") for k in keys]
    funding = roadmap.funding_by_id
    rows = [
        [
            r.id,
            r.phase,
            t(lang, f"kind.{r.kind}"),
            r.title.get(lang),
            _number(r.quantity),
            t(lang, f"unit.{r.unit}", n="").strip() if r.unit else None,
            _number(r.amount),
            r.currency,
            t(lang, f"recurrence.{r.recurrence}"),
            funding[r.funding].name.get(lang) if r.funding else None,
            t(lang, "csv.yes") if r.tentative else t(lang, "csv.no"),
            r.description.get(lang) if r.description else None,
        ]
        for r in roadmap.resources
    ]
    return _csv(header, rows)


def write(site_dir: Path, roadmap: Roadmap, draft: Draft, lang: str) -> list[Path]:
    folder = Path(site_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    data = export(roadmap, draft).model_dump_json(indent=2, exclude_none=True)
    files = {
        NAMES["json"]: data + "\n",
        NAMES["schema"]: schema(),
        NAMES["workplan"]: workplan_csv(roadmap, lang),
        NAMES["resources"]: resources_csv(roadmap, lang),
    }
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8", newline="")
    return [folder / name for name in files]
