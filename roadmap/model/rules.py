"""Rules that span items and files: references, dates, dependencies, translations."""

from __future__ import annotations

from babel.numbers import list_currencies

from ..i18n import CODES, DEFAULT
from . import brackets
from .problems import Problem
from .schema import iter_texts
from .yamlfile import YamlDoc

_CURRENCIES = frozenset(list_currencies())


def _known(ids) -> str:
    ids = list(ids)
    shown = ", ".join(ids[:12]) + (", ..." if len(ids) > 12 else "")
    return f"(known: {shown})" if ids else "(none is defined)"


def check(files: dict, docs: dict[str, YamlDoc]) -> list[Problem]:
    """All cross-file problems, errors and warnings, of already well-shaped files."""
    out: list[Problem] = []
    ph, wp, rs, ev, ac = (docs[n] for n in ("phases", "workplan", "resources", "events", "actors"))
    phases = files["phases"].phases
    activities = files["workplan"].activities
    resources = files["resources"].resources
    events = {e.id: e for e in files["events"].events}
    actors = {a.id: a for a in files["actors"].actors}
    funding = {f.id: f for f in files["resources"].funding_sources}
    phase_by_id = {p.id: p for p in phases}
    act_by_id = {a.id: a for a in activities}

    # Unique ids: every id is an anchor, so it must be unique across all files.
    seen: dict[str, str] = {}

    def unique(item_id: str, doc: YamlDoc, path) -> None:
        if item_id in seen:
            out.append(doc.problem(path + ("id",), f"'{item_id}' is already used in {seen[item_id]}; "
                                   "every id must be unique"))
        else:
            seen[item_id] = doc.file

    for i, p in enumerate(phases):
        unique(p.id, ph, ("phases", i))
        if p.end < p.start:
            out.append(ph.problem(("phases", i, "end"), f"{p.end} is before the start ({p.start})"))
        for key, items, prefix in (("objectives", p.objectives, ".O"), ("milestones", p.milestones, ".M"),
                                   ("deliverables", p.deliverables, ".D")):
            for j, item in enumerate(items):
                unique(item.id, ph, ("phases", i, key, j))
                if not item.id.startswith(p.id + prefix):
                    out.append(ph.problem(("phases", i, key, j, "id"),
                                          f"'{item.id}' must start with its phase id: '{p.id}{prefix}'"))
        for j, ms in enumerate(p.milestones):
            path = ("phases", i, "milestones", j)
            if (ms.date is None) == (ms.event is None):
                out.append(ph.problem(path, "give either 'date' or 'event' (an id from "
                                      "data/events.yml), not both and not neither"))
            elif ms.event is not None and ms.event not in events:
                out.append(ph.problem(path + ("event",), f"'{ms.event}' is not an event "
                                      f"{_known(events)}"))
    for i, e in enumerate(files["events"].events):
        unique(e.id, ev, ("events", i))
        if e.end is not None and e.end < e.start:
            out.append(ev.problem(("events", i, "end"), f"{e.end} is before the start ({e.start})"))
    for i, a in enumerate(files["actors"].actors):
        unique(a.id, ac, ("actors", i))
    for i, f in enumerate(files["resources"].funding_sources):
        unique(f.id, rs, ("funding_sources", i))
    for i, t in enumerate(files["glossary"].terms):
        unique(t.id, docs["glossary"], ("terms", i))

    for i, a in enumerate(activities):
        path = ("activities", i)
        unique(a.id, wp, path)
        phase = phase_by_id.get(a.phase)
        if phase is None:
            out.append(wp.problem(path + ("phase",), f"'{a.phase}' is not a phase {_known(phase_by_id)}"))
        else:
            own = [o.id for o in phase.objectives]
            for j, oid in enumerate(a.objectives):
                if oid not in own:
                    out.append(wp.problem(path + ("objectives", j),
                                          f"'{oid}' is not an objective of phase {phase.id} {_known(own)}"))
            if a.start < phase.start or a.end > phase.end:
                out.append(wp.problem(path + ("start" if a.start < phase.start else "end",),
                                      f"the activity ({a.start} to {a.end}) must lie within phase "
                                      f"{phase.id} ({phase.start} to {phase.end})"))
        if a.end < a.start:
            out.append(wp.problem(path + ("end",), f"{a.end} is before the start ({a.start})"))
        for key, ids in (("lead", [a.lead]), ("partners", a.partners)):
            for j, actor in enumerate(ids):
                if actor not in actors:
                    sub = (key,) if key == "lead" else (key, j)
                    out.append(wp.problem(path + sub, f"'{actor}' is not an actor in data/actors.yml "
                                          f"{_known(actors)}"))
        for j, dep in enumerate(a.depends_on):
            other = act_by_id.get(dep)
            if other is None:
                out.append(wp.problem(path + ("depends_on", j), f"'{dep}' is not an activity "
                                      f"{_known(act_by_id)}"))
            elif dep == a.id:
                out.append(wp.problem(path + ("depends_on", j), "an activity cannot depend on itself"))
            elif a.start < other.end:
                out.append(wp.problem(path + ("start",), f"starts {a.start}, before {dep} ends "
                                      f"({other.end}), which it depends on"))
    out += _cycles(activities, wp)

    for i, r in enumerate(resources):
        path = ("resources", i)
        unique(r.id, rs, path)
        if r.phase not in phase_by_id:
            out.append(rs.problem(path + ("phase",), f"'{r.phase}' is not a phase {_known(phase_by_id)}"))
        if (r.quantity is None) != (r.unit is None):
            out.append(rs.problem(path, "'quantity' and 'unit' go together: give both or neither"))
        if (r.amount is None) != (r.currency is None):
            out.append(rs.problem(path, "'amount' and 'currency' go together: give both or neither"))
        if r.kind == "human" and r.quantity is None:
            out.append(rs.problem(path, "a human resource needs 'quantity' and 'unit' "
                                  "(e.g. quantity: 2, unit: fte)"))
        if r.kind == "financial" and (r.amount is None or r.funding is None):
            out.append(rs.problem(path, "a financial resource needs 'amount', 'currency' and 'funding'"))
        if r.currency is not None and r.currency not in _CURRENCIES:
            out.append(rs.problem(path + ("currency",), f"'{r.currency}' is not an ISO 4217 "
                                  "currency code (e.g. USD, EUR, CHF)"))
        if r.funding is not None and r.funding not in funding:
            out.append(rs.problem(path + ("funding",), f"'{r.funding}' is not a funding source "
                                  f"{_known(funding)}"))

    drafts = files["drafts"].drafts
    for i, d in enumerate(drafts):
        unique(d.id, docs["drafts"], ("drafts", i))
        if i and (d.date < drafts[i - 1].date or d.number <= drafts[i - 1].number):
            out.append(docs["drafts"].problem(("drafts", i), "drafts are listed oldest first: "
                                              f"{d.id} ({d.date}) comes after {drafts[i - 1].id} "
                                              f"({drafts[i - 1].date})"))
    out += missing_translations(files, docs)
    out += stray_brackets(files, docs)
    return out


def _cycles(activities, wp: YamlDoc) -> list[Problem]:
    graph = {a.id: [d for d in a.depends_on if d != a.id] for a in activities}  # self: reported apart
    index = {a.id: i for i, a in enumerate(activities)}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    found: list[Problem] = []
    reported: set[frozenset] = set()
    for root, children in graph.items():
        if state.get(root):  # already walked from an earlier root
            continue
        state[root] = 1
        stack = [(root, iter(children))]
        trail = [root]
        while stack:
            node, children = stack[-1]
            nxt = next(children, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                trail.pop()
            elif nxt in graph and state.get(nxt) == 1:
                cycle = trail[trail.index(nxt):] + [nxt]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    found.append(wp.problem(("activities", index[nxt], "depends_on"),
                                            "dependencies go round in a circle: " + " -> ".join(cycle)))
            elif nxt in graph and not state.get(nxt):
                state[nxt] = 1
                stack.append((nxt, iter(graph[nxt])))
                trail.append(nxt)
    return found


def missing_translations(files: dict, docs: dict[str, YamlDoc]) -> list[Problem]:
    """A warning for every text that lacks a language: the page falls back to English."""
    out: list[Problem] = []
    for name, model in files.items():
        for path, text in iter_texts(model):
            missing = [c for c in CODES if c != DEFAULT and not text.has(c)]
            if missing:
                out.append(docs[name].problem(path, "no translation yet in " + ", ".join(missing)
                                              + " (English is shown)", severity="warning"))
    return out


def stray_brackets(files: dict, docs: dict[str, YamlDoc]) -> list[Problem]:
    """A '[[' never closed or a ']]' never opened would reach readers as it was typed."""
    out: list[Problem] = []
    for name, model in files.items():
        for path, text in iter_texts(model):
            for code, value in text.root.items():
                out += [docs[name].problem(path + (code,), brackets.stray_message(token))
                        for _, token in brackets.stray(value)[:1]]
    return out
