"""data/workplan.yml: each activity against its phase, its actors and the activities it needs."""

from __future__ import annotations

from ..problems import Problem
from .context import Context, known


def check(ctx: Context) -> list[Problem]:
    out: list[Problem] = []
    doc = ctx.docs["workplan"]
    for i, a in enumerate(ctx.files["workplan"].activities):
        out += ctx.unique(a.id, "workplan", ("activities", i))
        out += _phase(ctx, i, a)
        if a.end < a.start:
            out.append(
                doc.problem(("activities", i, "end"), f"{a.end} is before the start ({a.start})")
            )
        out += _actors(ctx, i, a)
        out += _lifetimes(ctx, i, a)
        out += _dependencies(ctx, i, a)
    return out


def _phase(ctx: Context, i: int, a) -> list[Problem]:
    """The activity's phase exists, serves that phase's objectives and lies within its dates."""
    doc, path = ctx.docs["workplan"], ("activities", i)
    phase = ctx.phase_by_id.get(a.phase)
    if phase is None:
        return [
            doc.problem(
                path + ("phase",), f"'{a.phase}' is not a phase {known(ctx.phase_by_id, a.phase)}"
            )
        ]
    own = [o.id for o in phase.objectives]
    out = [
        doc.problem(
            path + ("objectives", j),
            f"'{oid}' is not an objective of phase {phase.id} {known(own, oid)}",
        )
        for j, oid in enumerate(a.objectives)
        if oid not in own
    ]
    if a.start < phase.start or a.end > phase.end:
        out.append(
            doc.problem(
                path + ("start" if a.start < phase.start else "end",),
                f"the activity ({a.start} to {a.end}) must lie within phase "
                f"{phase.id} ({phase.start} to {phase.end})",
            )
        )
    return out


def _actors(ctx: Context, i: int, a) -> list[Problem]:
    out: list[Problem] = []
    for key, ids in (("lead", [a.lead]), ("partners", a.partners)):
        for j, actor in enumerate(ids):
            if actor not in ctx.actors:
                sub = (key,) if key == "lead" else (key, j)
                out.append(
                    ctx.docs["workplan"].problem(
                        ("activities", i, *sub),
                        f"'{actor}' is not an actor in data/actors.yml {known(ctx.actors, actor)}",
                    )
                )
    return out


def _lifetimes(ctx: Context, i: int, a) -> list[Problem]:
    """Who leads or supports an activity exists, and still acts, on the activity's dates."""
    out: list[Problem] = []
    for key, ids in (("lead", [a.lead]), ("partners", a.partners)):
        for j, actor_id in enumerate(ids):
            actor = ctx.actors.get(actor_id)
            message = _outside_lifetime(ctx, actor, a) if actor is not None else None
            if message:
                sub = (key,) if key == "lead" else (key, j)
                out.append(ctx.docs["workplan"].problem(("activities", i, *sub), message))
    return out


def _outside_lifetime(ctx: Context, actor, a) -> str | None:
    since = ctx.events.get(actor.active_from or "")
    until = ctx.events.get(actor.active_until or "")
    if since is not None and a.start < since.start:
        return (
            f"'{actor.id}' exists only from {since.id} ({since.start}) on; the activity starts "
            f"{a.start}: give it to another actor or start it later"
        )
    if until is not None and a.end > until.last_day:
        return (
            f"'{actor.id}' acts only until {until.id} ({until.last_day}); the activity ends "
            f"{a.end}: give it to another actor or end it sooner"
        )
    return None


def _dependencies(ctx: Context, i: int, a) -> list[Problem]:
    """What an activity depends on exists, is not itself, and ends before it starts."""
    out: list[Problem] = []
    doc, path = ctx.docs["workplan"], ("activities", i)
    for j, dep in enumerate(a.depends_on):
        other = ctx.activity_by_id.get(dep)
        if other is None:
            out.append(
                doc.problem(
                    path + ("depends_on", j),
                    f"'{dep}' is not an activity {known(ctx.activity_by_id, dep)}",
                )
            )
        elif dep == a.id:
            out.append(doc.problem(path + ("depends_on", j), "an activity cannot depend on itself"))
        elif a.start < other.end:
            out.append(
                doc.problem(
                    path + ("start",),
                    f"starts {a.start}, before {dep} ends ({other.end}), which it depends on",
                )
            )
    return out


def cycles(ctx: Context) -> list[Problem]:
    """Dependencies that go round in a circle, each circle once."""
    activities = ctx.files["workplan"].activities
    graph = {a.id: [d for d in a.depends_on if d != a.id] for a in activities}  # self: apart
    index = {a.id: i for i, a in enumerate(activities)}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    found: list[Problem] = []
    reported: set[frozenset] = set()
    for root in graph:
        if state.get(root):  # already walked from an earlier root
            continue
        for cycle in _walk(root, graph, state):
            if frozenset(cycle) not in reported:
                reported.add(frozenset(cycle))
                found.append(
                    ctx.docs["workplan"].problem(
                        ("activities", index[cycle[0]], "depends_on"),
                        "dependencies go round in a circle: " + " -> ".join(cycle),
                    )
                )
    return found


def _walk(root: str, graph: dict[str, list[str]], state: dict[str, int]):
    """Depth first from ``root`` without recursion; yields each circle met, first id repeated."""
    state[root] = 1
    stack = [(root, iter(graph[root]))]
    trail = [root]
    while stack:
        node, children = stack[-1]
        nxt = next(children, None)
        if nxt is None:
            state[node] = 2
            stack.pop()
            trail.pop()
        elif nxt in graph and state.get(nxt) == 1:
            yield trail[trail.index(nxt) :] + [nxt]
        elif nxt in graph and not state.get(nxt):
            state[nxt] = 1
            stack.append((nxt, iter(graph[nxt])))
            trail.append(nxt)
