"""The data of a draft as files to download: JSON with its JSON Schema, and CSV per table.

JSON carries every language (for software); CSV and XLSX carry the reader's language (for
spreadsheets): CSV in UTF-8 with a byte order mark so that spreadsheet programs read Arabic and
Chinese correctly, and all tables in one XLSX workbook, which opens the same in every locale
(roadmap/spreadsheet.py). Dates are ISO 8601 and numbers plain, whatever the language.
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
from .spreadsheet import Table, workbook

FOLDER = "downloads"
NAMES = {
    "json": "roadmap.json",
    "schema": "roadmap.schema.json",
    "phases": "phases.csv",
    "milestones": "milestones.csv",
    "workplan": "workplan.csv",
    "resources": "resources.csv",
    "xlsx": "roadmap.xlsx",
}
TABLES = ("phases", "milestones", "workplan", "resources")  # a CSV each, a sheet each


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


def _csv(table: Table) -> str:
    header, rows = table
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return "\ufeff" + buf.getvalue()


def _yes(value: bool, lang: str) -> str:
    return t(lang, "csv.yes") if value else t(lang, "csv.no")


def phases_table(roadmap: Roadmap, lang: str) -> Table:
    keys = ["id", "item", "start", "end", "status", "tentative", "illustrative", "summary"]
    rows = [
        [
            p.id,
            p.title.get(lang),
            p.start,
            p.end,
            t(lang, f"status.{p.status}"),
            _yes(p.tentative, lang),
            _yes(p.illustrative, lang),
            p.summary.get(lang),
        ]
        for p in roadmap.phases
    ]
    return [t(lang, f"csv.{k}") for k in keys], rows


def milestones_table(roadmap: Roadmap, lang: str) -> Table:
    header = [t(lang, k) for k in ("csv.id", "csv.phase", "csv.item", "col.date", "col.event")]
    header += [t(lang, "csv.tentative"), t(lang, "csv.illustrative")]
    events = roadmap.event_by_id
    rows = [
        [
            m.id,
            p.id,
            m.title.get(lang),
            roadmap.milestone_date(m),
            events[m.event].title.get(lang) if m.event in events else None,
            _yes(roadmap.milestone_tentative(m), lang),
            _yes(roadmap.milestone_illustrative(m), lang),
        ]
        for p in roadmap.phases
        for m in p.milestones
    ]
    return header, rows


def _number(value: float | None):
    return None if value is None else (int(value) if float(value).is_integer() else value)


def workplan_table(roadmap: Roadmap, lang: str) -> Table:
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
            a.start,
            a.end,
            " ".join(a.depends_on),
            t(lang, f"status.{a.status}"),
            "; ".join(d.get(lang) for d in a.deliverables),
            a.description.get(lang) if a.description else None,
        ]
        for a in roadmap.activities
    ]
    return header, rows


def resources_table(roadmap: Roadmap, lang: str) -> Table:
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
            _yes(r.tentative, lang),
            r.description.get(lang) if r.description else None,
        ]
        for r in roadmap.resources
    ]
    return header, rows


def tables(roadmap: Roadmap, lang: str) -> dict[str, Table]:
    """Each table of the draft in ``lang``, by its key in ``NAMES``."""
    make = {
        "phases": phases_table,
        "milestones": milestones_table,
        "workplan": workplan_table,
        "resources": resources_table,
    }
    return {key: make[key](roadmap, lang) for key in TABLES}


def write(site_dir: Path, roadmap: Roadmap, draft: Draft, lang: str) -> list[Path]:
    folder = Path(site_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    data = export(roadmap, draft).model_dump_json(indent=2, exclude_none=True)
    texts = {NAMES["json"]: data + "\n", NAMES["schema"]: schema()}
    by_key = tables(roadmap, lang)
    texts.update({NAMES[key]: _csv(table) for key, table in by_key.items()})
    for name, content in texts.items():
        (folder / name).write_text(content, encoding="utf-8", newline="")
    sheets = {t(lang, f"xlsx.{key}"): table for key, table in by_key.items()}
    (folder / NAMES["xlsx"]).write_bytes(workbook(sheets, lang, draft.date))
    return [folder / name for name in [*texts, NAMES["xlsx"]]]
