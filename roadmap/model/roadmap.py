"""The whole validated roadmap, with lookups by id."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .problems import Problem
from .schema import (
    Activity,
    Actor,
    Article,
    Draft,
    Event,
    FundingSource,
    Milestone,
    Objective,
    Phase,
    Resource,
    Term,
)

Kind = Literal[
    "phase", "objective", "milestone", "deliverable", "activity", "resource", "event", "term"
]


@dataclass(frozen=True)
class Entry:
    """Anything a page may link to by id."""

    id: str
    kind: Kind
    item: object
    phase: Phase | None = None


@dataclass
class Roadmap:
    events: list[Event]
    actors: list[Actor]
    phases: list[Phase]
    activities: list[Activity]
    funding_sources: list[FundingSource]
    resources: list[Resource]
    terms: list[Term]
    drafts: list[Draft]
    warnings: list[Problem] = field(default_factory=list)
    locations: dict[str, tuple[str, int]] = field(default_factory=dict)  # id -> (file, line)
    articles: list[Article] = field(default_factory=list)  # reference texts of the Agreement
    partial: bool = False  # read from data with mistakes, for the pages' check alone

    def __post_init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        for phase in self.phases:
            self._add(Entry(phase.id, "phase", phase, phase))
            for obj in phase.objectives:
                self._add(Entry(obj.id, "objective", obj, phase))
            for ms in phase.milestones:
                self._add(Entry(ms.id, "milestone", ms, phase))
            for dl in phase.deliverables:
                self._add(Entry(dl.id, "deliverable", dl, phase))
        for act in self.activities:
            self._add(Entry(act.id, "activity", act, self.phase(act.phase)))
        for res in self.resources:
            self._add(Entry(res.id, "resource", res, self.phase(res.phase)))
        for ev in self.events:
            self._add(Entry(ev.id, "event", ev))
        for term in self.terms:
            self._add(Entry(term.id, "term", term))
        self.actor_by_id = {a.id: a for a in self.actors}
        self.event_by_id = {e.id: e for e in self.events}
        self.funding_by_id = {f.id: f for f in self.funding_sources}

    def _add(self, entry: Entry) -> None:
        # Duplicates were reported by the rules; the first one wins here.
        self.entries.setdefault(entry.id, entry)

    def phase(self, phase_id: str) -> Phase | None:
        return next((p for p in self.phases if p.id == phase_id), None)

    def activities_of(self, phase_id: str) -> list[Activity]:
        return [a for a in self.activities if a.phase == phase_id]

    def activities_serving(self, objective_id: str) -> list[Activity]:
        return [a for a in self.activities if objective_id in a.objectives]

    def resources_of(self, phase_id: str) -> list[Resource]:
        return [r for r in self.resources if r.phase == phase_id]

    def milestone_date(self, ms: Milestone):
        if ms.date is not None:
            return ms.date
        event = self.event_by_id.get(ms.event or "")
        return event.start if event else None

    def milestone_illustrative(self, ms: Milestone) -> bool:
        """A milestone's date is invented if it is, or if the event that dates it is."""
        event = self.event_by_id.get(ms.event or "")
        return ms.illustrative or bool(event and event.illustrative)

    def milestone_tentative(self, ms: Milestone) -> bool:
        event = self.event_by_id.get(ms.event or "")
        return ms.tentative or bool(event and event.tentative)

    @property
    def current_draft(self) -> Draft:
        return self.drafts[-1]

    def objective(self, objective_id: str) -> Objective | None:
        entry = self.entries.get(objective_id)
        return entry.item if entry and entry.kind == "objective" else None  # type: ignore[return-value]
