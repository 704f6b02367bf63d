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
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

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


def _number(value: float | None):
    return None if value is None else (int(value) if float(value).is_integer() else value)


# A table is its columns: the interface string of each header, beside what each row shows.
Columns = list[tuple[str, Callable[[Any], object]]]


def _table(lang: str, columns: Columns, items: Iterable) -> Table:
    return [t(lang, key) for key, _ in columns], [[cell(i) for _, cell in columns] for i in items]


def phases_table(roadmap: Roadmap, lang: str) -> Table:
    columns: Columns = [
        ("csv.id", lambda p: p.id),
        ("csv.item", lambda p: p.title.get(lang)),
        ("csv.start", lambda p: p.start),
        ("csv.end", lambda p: p.end),
        ("csv.status", lambda p: t(lang, f"status.{p.status}")),
        ("csv.tentative", lambda p: _yes(p.tentative, lang)),
        ("csv.illustrative", lambda p: _yes(p.illustrative, lang)),
        ("csv.summary", lambda p: p.summary.get(lang)),
    ]
    return _table(lang, columns, roadmap.phases)


def milestones_table(roadmap: Roadmap, lang: str) -> Table:
    events = roadmap.event_by_id
    columns: Columns = [
        ("csv.id", lambda pm: pm[1].id),
        ("csv.phase", lambda pm: pm[0].id),
        ("csv.item", lambda pm: pm[1].title.get(lang)),
        ("col.date", lambda pm: roadmap.milestone_date(pm[1])),
        (
            "col.event",
            lambda pm: events[e].title.get(lang) if (e := pm[1].event) in events else None,
        ),
        ("csv.tentative", lambda pm: _yes(roadmap.milestone_tentative(pm[1]), lang)),
        ("csv.illustrative", lambda pm: _yes(roadmap.milestone_illustrative(pm[1]), lang)),
    ]
    return _table(lang, columns, ((p, m) for p in roadmap.phases for m in p.milestones))


def workplan_table(roadmap: Roadmap, lang: str) -> Table:
    actor = roadmap.actor_by_id
    columns: Columns = [
        ("csv.id", lambda a: a.id),
        ("csv.phase", lambda a: a.phase),
        ("csv.objectives", lambda a: " ".join(a.objectives)),
        ("csv.item", lambda a: a.title.get(lang)),
        ("csv.lead", lambda a: actor[a.lead].name.get(lang)),
        ("csv.partners", lambda a: "; ".join(actor[p].name.get(lang) for p in a.partners)),
        ("csv.start", lambda a: a.start),
        ("csv.end", lambda a: a.end),
        ("csv.depends_on", lambda a: " ".join(a.depends_on)),
        ("csv.status", lambda a: t(lang, f"status.{a.status}")),
        ("csv.deliverables", lambda a: "; ".join(d.get(lang) for d in a.deliverables)),
        ("csv.description", lambda a: a.description.get(lang) if a.description else None),
    ]
    return _table(lang, columns, roadmap.activities)


def resources_table(roadmap: Roadmap, lang: str) -> Table:
    funding = roadmap.funding_by_id
    columns: Columns = [
        ("csv.id", lambda r: r.id),
        ("csv.phase", lambda r: r.phase),
        ("csv.kind", lambda r: t(lang, f"kind.{r.kind}")),
        ("csv.item", lambda r: r.title.get(lang)),
        ("csv.quantity", lambda r: _number(r.quantity)),
        ("csv.unit", lambda r: t(lang, f"unit.{r.unit}", n="").strip() if r.unit else None),
        ("csv.amount", lambda r: _number(r.amount)),
        ("csv.currency", lambda r: r.currency),
        ("csv.recurrence", lambda r: t(lang, f"recurrence.{r.recurrence}")),
        ("csv.funding", lambda r: funding[r.funding].name.get(lang) if r.funding else None),
        ("csv.tentative", lambda r: _yes(r.tentative, lang)),
        ("csv.description", lambda r: r.description.get(lang) if r.description else None),
    ]
    return _table(lang, columns, roadmap.resources)


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
