"""The shape of every data file, as pydantic models.

Only shape and types live here; rules that span items or files are in ``rules.py``.
The JSON Schemas in ``schemas/`` are generated from these models (``roadmap schemas``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator, model_validator

from ..i18n import CODES, DEFAULT

if TYPE_CHECKING:
    LangCode = str
else:  # the codes of i18n.LANGUAGES, the one list: the JSON Schemas show them as an enum
    LangCode = Literal[CODES]

# Id patterns, with the words used when one does not match.
ID_PATTERNS: dict[str, str] = {
    r"^P[0-9]+$": "a phase id such as P1",
    r"^P[0-9]+\.O[0-9]+$": "an objective id such as P1.O2 (its phase id, '.O', a number)",
    r"^P[0-9]+\.M[0-9]+$": "a milestone id such as P1.M1 (its phase id, '.M', a number)",
    r"^P[0-9]+\.D[0-9]+$": "a deliverable id such as P1.D1 (its phase id, '.D', a number)",
    r"^A[0-9]+\.[0-9]+$": "an activity id such as A1.3",
    r"^R[0-9]+\.[0-9]+$": "a resource id such as R1.2",
    r"^[A-Z][A-Za-z0-9-]*$": (
        "an event id such as PC3 or COP1 (a capital letter, then letters, digits or '-')"
    ),
    r"^[a-z][a-z0-9-]*$": "a lowercase id such as secretariat or regular-budget",
    r"^draft-[0-9]+$": "a draft id such as draft-3",
    r"^[A-Z]{3}$": "a three-letter ISO 4217 currency code such as USD",
}


def _id(pattern: str, title: str) -> Any:
    """The pattern of an id and its description in the JSON Schemas (for editors)."""
    assert pattern in ID_PATTERNS
    return Field(pattern=pattern, description=f"{title}: {ID_PATTERNS[pattern]}")


PhaseId = Annotated[str, _id(r"^P[0-9]+$", "Phase id")]
ObjectiveId = Annotated[str, _id(r"^P[0-9]+\.O[0-9]+$", "Objective id")]
MilestoneId = Annotated[str, _id(r"^P[0-9]+\.M[0-9]+$", "Milestone id")]
DeliverableId = Annotated[str, _id(r"^P[0-9]+\.D[0-9]+$", "Deliverable id")]
ActivityId = Annotated[str, _id(r"^A[0-9]+\.[0-9]+$", "Activity id")]
ResourceId = Annotated[str, _id(r"^R[0-9]+\.[0-9]+$", "Resource id")]
EventId = Annotated[str, _id(r"^[A-Z][A-Za-z0-9-]*$", "Event id")]
SlugId = Annotated[str, _id(r"^[a-z][a-z0-9-]*$", "Id")]
DraftId = Annotated[str, _id(r"^draft-[0-9]+$", "Draft id")]
Currency = Annotated[str, _id(r"^[A-Z]{3}$", "Currency")]
NonNegative = Annotated[float, Field(ge=0)]


class Text(RootModel[dict[LangCode, Annotated[str, Field(min_length=1)]]]):
    """A reader-visible text: language code -> text. English is required."""

    @field_validator("root")
    @classmethod
    def _needs_english(cls, value: dict[str, str]) -> dict[str, str]:
        if DEFAULT not in value:
            raise ValueError(f"the English text ('{DEFAULT}:') is required")
        return value

    def get(self, code: str) -> str:
        return self.root.get(code) or self.root[DEFAULT]

    def has(self, code: str) -> bool:
        return code in self.root


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# Invented for a draft (a zero draft's dates, events, figures): shown as illustrative wherever
# its dates or figures appear, in tables, the timeline and the cite box.
Illustrative = Annotated[
    bool,
    Field(
        description="invented for this draft: its dates and figures "
        "are shown as illustrative wherever they appear"
    ),
]


class Deadline(Item):
    """A date that a rule derives from an event: ``weeks_before`` its first day."""

    weeks_before: int = Field(ge=1)
    event: str = Field(description="event id: the date is counted back from its first day")


# Needs an instrument in force: the event id (such as EIF, the Agreement's entry into force)
# from whose first day its legal basis applies; dated before it is an error.
Needs = Annotated[
    str | None,
    Field(description="event id from which the instrument it needs is in force, such as EIF"),
]


class Event(Item):
    id: EventId
    title: Text
    start: dt.date
    end: dt.date | None = None
    tentative: bool = False
    illustrative: Illustrative = False
    place: Text | None = None
    needs: Needs = None
    due: Deadline | None = None

    @property
    def last_day(self) -> dt.date:
        return self.end or self.start


class Actor(Item):
    id: SlugId
    name: Text
    short: Text | None = None
    kind: Literal["secretariat", "group", "body", "state", "organization", "stakeholder", "funder"]
    # Its lifetime, by events of data/events.yml: it acts from the first day of one (a body set
    # up there) and until the last day of the other (a mandate ending there).
    active_from: str | None = Field(None, description="event id: exists from its first day")
    active_until: str | None = Field(None, description="event id: acts until its last day")
    # Its mandate: arrangements it concludes are subject to another actor's approval (the
    # secretariat's to the Conference of the Parties', Article 50(4)).
    approval_by: str | None = Field(
        None, description="actor id whose approval the arrangements it concludes need"
    )


class Objective(Item):
    id: ObjectiveId
    text: Text


class Milestone(Item):
    id: MilestoneId
    title: Text
    date: dt.date | None = None
    event: str | None = None
    tentative: bool = False
    illustrative: Illustrative = False


class Deliverable(Item):
    id: DeliverableId
    title: Text


class Phase(Item):
    id: PhaseId
    title: Text
    summary: Text
    start: dt.date
    end: dt.date
    status: Literal["planned", "ongoing", "completed"] = "planned"
    tentative: bool = False
    illustrative: Illustrative = False
    objectives: list[Objective] = Field(min_length=1)
    milestones: list[Milestone] = []
    deliverables: list[Deliverable] = []


class Activity(Item):
    id: ActivityId
    illustrative: Illustrative = False
    phase: str
    objectives: list[str] = Field(min_length=1)
    title: Text
    description: Text | None = None
    lead: str
    partners: list[str] = []
    start: dt.date
    end: dt.date
    depends_on: list[str] = []
    deliverables: list[Text] = []
    status: Literal["planned", "ongoing", "completed", "deferred"] = "planned"
    needs: Needs = None
    concludes_arrangements: bool = Field(
        False, description="its lead concludes arrangements with other bodies"
    )


# What a resource pays for; a funding source lists the purposes it may pay (Article 52).
Purpose = Literal[
    "secretariat-staff",
    "hosting",
    "software",
    "platform-development",
    "consultancy",
    "translation",
    "participation-in-meetings",
    "consultations",
    "capacity-building",
    "evaluation",
    "seconded-staff",
]


class FundingSource(Item):
    id: SlugId
    name: Text
    pays: list[Purpose] | None = Field(
        None, description="the purposes it may pay (Article 52); a resource of another is an error"
    )
    basis: str | None = Field(None, description="where its purposes are set, e.g. Article 52(4)")


class Resource(Item):
    id: ResourceId
    illustrative: Illustrative = False
    phase: str
    kind: Literal["human", "technical", "financial"]
    title: Text
    description: Text | None = None
    quantity: NonNegative | None = None
    unit: Literal["fte", "person-months", "person-days", "items"] | None = None
    amount: NonNegative | None = None
    currency: Currency | None = None
    funding: str | None = None
    purpose: Purpose | None = None
    recurrence: Literal["one-off", "annual"] = "one-off"
    tentative: bool = False
    continues: str | None = Field(
        None,
        description="resource id: the same posts (the same people) carried into this phase, "
        "so that totals count them once",
    )


class Term(Item):
    id: SlugId
    term: Text
    abbreviation: Text | None = None
    definition: Text


class Comments(Item):
    """How comments on one draft are asked for: each draft states its own, so that a published
    draft keeps saying what it said (the pages read it: roadmap/render/draft_facts.py)."""

    deadline: dt.date | None = Field(
        None, description="Comments on this draft are requested by this date (after the draft's)."
    )
    address: str | None = Field(
        None, description="Where comments are sent (an e-mail or web address), once confirmed."
    )


class Draft(Item):
    id: DraftId
    title: Text
    date: dt.date
    status: Literal["zero-draft", "revised-draft", "submitted", "superseded"]
    illustrative: Illustrative = False
    symbol: str | None = None
    comments: Comments = Comments()

    @model_validator(mode="after")
    def _deadline_after_the_draft(self) -> Draft:
        deadline = self.comments.deadline
        if deadline is not None and deadline <= self.date:
            raise ValueError(
                f"comments.deadline {deadline} must come after the draft's date {self.date}"
            )
        return self

    @property
    def number(self) -> int:
        return int(self.id.rsplit("-", 1)[1])


# One model per file; the key is the file name under data/.
class EventsFile(Item):
    events: list[Event]


class ActorsFile(Item):
    actors: list[Actor]


class PhasesFile(Item):
    phases: list[Phase] = Field(min_length=1)


class WorkplanFile(Item):
    activities: list[Activity]


class ResourcesFile(Item):
    funding_sources: list[FundingSource] = []
    resources: list[Resource]


class Article(Item):
    """The reference text of an article (or paragraph) of the Agreement that the site quotes.

    ``text`` is the authentic text per language, not a translation of the English: it is no
    translation unit. ``confirmed`` lists the languages checked against the authentic text.
    """

    id: Annotated[str, Field(pattern=r"^[0-9]+(\([0-9]+\))?$", description="13 or 51(3)")]
    text: dict[LangCode, Annotated[str, Field(min_length=1)]]
    confirmed: list[LangCode] = []


class GlossaryFile(Item):
    terms: list[Term]
    articles: list[Article] = []


class DraftsFile(Item):
    drafts: list[Draft] = Field(min_length=1)


FILES: dict[str, type[Item]] = {
    "events": EventsFile,
    "actors": ActorsFile,
    "phases": PhasesFile,
    "workplan": WorkplanFile,
    "resources": ResourcesFile,
    "glossary": GlossaryFile,
    "drafts": DraftsFile,
}


def iter_texts(value, path: tuple = ()):
    """Every Text inside a model (or list of models), with its path."""
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from iter_texts(item, path + (i,))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from iter_texts(getattr(value, name), path + (name,))
