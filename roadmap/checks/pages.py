"""The Markdown pages checked without building: what `roadmap check` adds to the data check.

A build stops at the first mistake of a page; this reads every page of every language and
reports all mistakes at once, each with its file and line:
- Jinja that does not parse, a macro or variable that does not exist, a macro called with
  the wrong arguments or with an id that names nothing (ref("A9.9"), timeline("P9"));
- a bracketed passage opened with [[ and not closed, or ]] closing nothing;
- headings without an explicit id, or whose ids differ from the English page: the ids are
  the anchors that citations point to, so they are the same in every language;
- a page that has no English original. A page not yet translated is only reported (-v).
"""

from __future__ import annotations

import difflib
import inspect
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from jinja2 import TemplateSyntaxError, meta, nodes
from jinja2.defaults import DEFAULT_NAMESPACE
from jinja2.sandbox import SandboxedEnvironment

from ..engine import engine
from ..i18n import CODES, DEFAULT
from ..model import Problem, Roadmap
from ..model.brackets import stray_message
from ..project import read_config
from ..render import PageError, brackets
from ..render.catalogue import PageContext, macro_table
from ..render.markdown import split_code

# Front matter as the engine finds it (MkDocs' YAML_RE): '---', YAML, then '---' or '...'.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$", re.MULTILINE)
_HEADING_ID = re.compile(r"\{[^}]*#([^\s}]+)[^}]*\}\s*#*$")


@dataclass
class Heading:
    line: int
    level: int
    id: str | None
    text: str


def check_pages(project: Path, roadmap: Roadmap, *, display_root: str = "docs") -> list[Problem]:
    """Every problem of every page in docs/<lang>/ (warnings for pages not yet translated)."""
    docs = project / "docs"
    english = _pages(docs / DEFAULT)
    problems: list[Problem] = []
    reference = {}  # the English headings of each page, read first: translations follow them
    for code in (DEFAULT, *(c for c in CODES if c != DEFAULT)):
        lang_dir = docs / code
        pages = _pages(lang_dir)
        for rel in sorted(pages):
            name = f"{display_root}/{code}/{rel}"
            if rel not in english:
                problems.append(Problem(name, None, None, "", (
                    f"there is no English page {display_root}/{DEFAULT}/{rel}: every page starts in "
                    f"English and is translated from it, under the same name")))
                continue
            source = (lang_dir / rel).read_text(encoding="utf-8")
            found, headings = _check_page(project, source, name, code, rel, roadmap)
            problems += found
            if code == DEFAULT:
                reference[rel] = (name, headings)
            else:
                problems += _compare_headings(name, headings, *reference[rel])
        for rel in sorted(english - pages):
            problems.append(Problem(f"{display_root}/{code}/{rel}", None, None, "",
                                    "not yet translated: readers see the English page under a notice",
                                    "warning"))
    return problems


def _pages(lang_dir: Path) -> set[str]:
    return {p.relative_to(lang_dir).as_posix() for p in lang_dir.rglob("*.md")} if lang_dir.is_dir() \
        else set()


def _check_page(project: Path, source: str, name: str, code: str, rel: str,
                roadmap: Roadmap) -> tuple[list[Problem], list[Heading]]:
    problems: list[Problem] = []

    def problem(line: int | None, message: str) -> None:
        problems.append(Problem(name, line, None, "", message))

    variables: set[str] = set()
    macros_on = True
    fm = _FRONT_MATTER.match(source)
    if fm:
        try:
            front = yaml.safe_load(fm.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)  # 0-based, in the text after the first '---'
            what = getattr(exc, "problem", None)
            problem(mark.line + 2 if mark else 1, "the front matter between the '---' lines is not "
                    "valid YAML" + (f" ({what})" if what else ""))
            front = None
        if isinstance(front, dict):
            variables |= {str(k) for k in front}
            macros_on = front.get("render_macros") is not False  # the page opts out of macros
    if macros_on:
        problems += [Problem(name, line, None, "", msg) for line, msg in _macro_problems(
            project, source, code, rel, roadmap, variables)]
    for offset, token in brackets.unmatched(source):
        line = source.count("\n", 0, offset) + 1
        problem(line, stray_message(token))
    headings = _headings(source)
    first_line: dict[str, int] = {}
    for h in headings:
        if h.level > 1 and h.id is None:
            problem(h.line, f"the heading '{h.text}' has no id: write it as '{'#' * h.level} {h.text} "
                            "{#an-id}', with the id of the same heading in English")
        elif h.id in first_line:
            problem(h.line, f"the heading id '{h.id}' is already used on line {first_line[h.id]}: "
                            "an id is an anchor and names one heading")
        elif h.id:
            first_line[h.id] = h.line
    return problems, headings


def _macro_problems(project: Path, source: str, code: str, rel: str, roadmap: Roadmap,
                    variables: set[str]):
    env = _jinja(project, code)
    try:
        tree = env.parse(source)
    except TemplateSyntaxError as exc:
        yield exc.lineno, f"the macro call is not complete or not valid ({exc.message})"
        return
    table = _macros(roadmap, code, rel)
    extra = set(read_config(code, project).get("extra") or {})  # the engine makes them variables
    known = set(table) | variables | extra | set(DEFAULT_NAMESPACE) | engine().page_names()
    unknown = meta.find_undeclared_variables(tree) - known
    seen = set()
    for node in tree.find_all(nodes.Name):
        if node.name in unknown and (node.lineno, node.name) not in seen:
            seen.add((node.lineno, node.name))
            close = difflib.get_close_matches(node.name, sorted(table), n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            yield node.lineno, (f"'{node.name}' is not a macro or variable ({hint}"
                                f"macros: {', '.join(sorted(table))})")
    for call in tree.find_all(nodes.Call):
        if not isinstance(call.node, nodes.Name) or call.node.name not in table:
            continue
        func = table[call.node.name]
        args = call.args
        try:
            inspect.signature(func).bind(*args, **{k.key: None for k in call.kwargs})
        except TypeError:
            given = len(args) + len(call.kwargs)
            yield call.lineno, (f"{call.node.name}() was given {given} argument{'s' * (given != 1)}; "
                                f"it is written {call.node.name}{inspect.signature(func)}")
            continue
        if args and all(isinstance(a, nodes.Const) for a in args) and not call.kwargs:
            try:
                func(*(a.value for a in args))
            except PageError as exc:
                yield call.lineno, str(exc)


@cache
def _jinja(project: Path, code: str) -> SandboxedEnvironment:
    """A Jinja environment with the delimiters the build uses (plugin 'roadmap' of the config)."""
    plugin = (read_config(code, project).get("plugins") or {}).get("roadmap") or {}
    options = {key[3:]: value for key, value in plugin.items()
               if key.startswith("j2_") and key.endswith("_string")}
    return SandboxedEnvironment(**options)


def _macros(roadmap: Roadmap, code: str, rel: str) -> dict:
    """Our macro table bound to a page of this language, as the build binds it."""
    context = PageContext(roadmap, code, rel, roadmap.current_draft)
    return macro_table(lambda: context)


def _headings(source: str) -> list[Heading]:
    """ATX headings outside code, with their explicit ids ('## Title {#id}')."""
    out = []
    for pos, part, is_code in split_code(source):
        for h in () if is_code else _HEADING.finditer(part):
            at = pos + h.start()
            if at and source[at - 1] != "\n":  # a part may begin mid-line, after inline code
                continue
            ident = _HEADING_ID.search(h.group(2))
            text = h.group(2)[:ident.start()].rstrip() if ident else h.group(2)
            out.append(Heading(source.count("\n", 0, at) + 1, len(h.group(1)),
                               ident.group(1) if ident else None, text))
    return out


def _compare_headings(name: str, headings: list[Heading], en_name: str,
                      english: list[Heading]) -> list[Problem]:
    """The translated page must have the English headings: same ids, same levels, same order."""
    ours = [h for h in headings if h.level > 1 and h.id]  # level 1 is the title; no id: reported
    theirs = [h for h in english if h.level > 1 and h.id]
    if [(h.level, h.id) for h in ours] == [(h.level, h.id) for h in theirs]:
        return []
    by_id = {h.id: h for h in ours}
    en_by_id = {h.id: h for h in theirs}
    problems = [Problem(name, None, None, "", (
        f"no heading with the id '{h.id}' ({en_name}:{h.line} has "
        f"'{'#' * h.level} {h.text} {{#{h.id}}}')")) for h in theirs if h.id not in by_id]
    for h in ours:
        en = en_by_id.get(h.id)
        if en is None:
            problems.append(Problem(name, h.line, None, "", (
                f"the heading id '{h.id}' is not in the English page {en_name}: "
                "ids are the same in every language")))
        elif en.level != h.level:
            problems.append(Problem(name, h.line, None, "", (
                f"'{h.id}' is a level-{h.level} heading here and level {en.level} "
                f"in English ({en_name}:{en.line})")))
    if problems:
        return problems
    # The same headings in another order: name the first one out of place. (None out of place:
    # an id used twice, reported with the page.)
    misplaced = next(((h, en) for h, en in zip(ours, theirs) if h.id != en.id), None)
    if misplaced is None:
        return []
    h, en = misplaced
    return [Problem(name, h.line, None, "", (
        f"the heading '{h.id}' comes here where English has '{en.id}': "
        "headings follow the order of the English page"))]
