"""The Markdown pages checked without building: what `roadmap check` adds to the data check.

A build stops at the first mistake of a page; this reads every page of every language and
reports all mistakes at once, each with its file and line:
- Jinja that does not parse, a macro or variable that does not exist, a macro called with
  the wrong arguments or with an id that names nothing (ref("A9.9"), timeline("P9"));
- a bracketed passage opened with [[ and not closed, or ]] closing nothing;
- headings without an explicit id, or whose ids differ from the English page: the ids are
  the anchors that citations point to, so they are the same in every language;
- a page that has no English original. A page not yet translated is only reported (-v);
- a quotation of an article of the Agreement that differs from its reference text.
"""

from __future__ import annotations

import difflib
import inspect
import re
from collections.abc import Iterator
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
from ..model.rules import quotations
from ..page_source import Heading, headings
from ..render import PageError, bracket_marks
from ..render.catalogue import PageContext, macro_table
from ..session import Session
from .anchors import compare_anchors, paragraph_anchors

# Front matter as the engine finds it (MkDocs' YAML_RE): '---', YAML, then '---' or '...'.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


def check_pages(
    project: Path, roadmap: Roadmap, *, display_root: str = "docs", session: Session | None = None
) -> list[Problem]:
    """Every problem of every page in docs/<lang>/ (warnings for pages not yet translated);
    ``session``: where a preview keeps the pages checked before (a new one: nothing kept)."""
    session = session or Session()
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
                problems.append(_no_original(name, f"{display_root}/{DEFAULT}/{rel}"))
                continue
            source = (lang_dir / rel).read_text(encoding="utf-8")
            found, headings = _checked_page(session, project, (source, name, code, rel), roadmap)
            problems += found
            problems += quotations.in_page(name, source, code, roadmap.articles)
            anchors = paragraph_anchors(source)
            if code == DEFAULT:
                reference[rel] = (name, headings, anchors)
            else:
                en_name, en_headings, en_anchors = reference[rel]
                problems += _compare_headings(name, headings, en_name, en_headings)
                problems += compare_anchors(name, anchors, en_name, en_anchors)
        problems += [
            _untranslated(f"{display_root}/{code}/{rel}") for rel in sorted(english - pages)
        ]
    return problems


def _no_original(name: str, english_name: str) -> Problem:
    """A page in another language must be the translation of an English page of the same name."""
    return Problem(
        name,
        None,
        None,
        "",
        f"there is no English page {english_name}: every page starts in "
        "English and is translated from it, under the same name",
    )


def _untranslated(name: str) -> Problem:
    """Only a warning: the build shows the English page in its place."""
    return Problem(
        name,
        None,
        None,
        "",
        "not yet translated: readers see the English page under a notice",
        "warning",
    )


def _pages(lang_dir: Path) -> set[str]:
    return (
        {p.relative_to(lang_dir).as_posix() for p in lang_dir.rglob("*.md")}
        if lang_dir.is_dir()
        else set()
    )


def _checked_page(
    session: Session, project: Path, page: tuple[str, str, str, str], roadmap: Roadmap
) -> tuple[list[Problem], list[Heading]]:
    """``page``: (its Markdown, its name as printed, its language, its path)."""
    source, name, code, rel = page
    key = (project, *page, repr(engine().read_config(project, code).get("extra")))
    found, headings = session.page(
        roadmap, key, lambda: _check_page(project, source, name, code, rel, roadmap)
    )
    return list(found), headings


def _check_page(
    project: Path, source: str, name: str, code: str, rel: str, roadmap: Roadmap
) -> tuple[list[Problem], list[Heading]]:
    """The problems of one page, in the order of the checks, and its headings (which the
    translations of an English page are then compared with)."""
    front, found = _front_matter(source)
    if front.get("render_macros") is not False:  # the page may opt out of macros
        variables = {str(k) for k in front}
        found += _macro_problems(project, source, code, rel, roadmap, variables)
    found += _bracket_problems(source)
    found_headings = headings(source)
    found += _heading_id_problems(found_headings)
    return [Problem(name, line, None, "", message) for line, message in found], found_headings


def _front_matter(source: str) -> tuple[dict, list[tuple[int, str]]]:
    """The page's front matter (empty if it has none, or none that is a mapping), and the
    problem of front matter that is not valid YAML."""
    fm = _FRONT_MATTER.match(source)
    if not fm:
        return {}, []
    try:
        front = yaml.safe_load(fm.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)  # 0-based, in the text after the first '---'
        what = getattr(exc, "problem", None)
        message = "the front matter between the '---' lines is not valid YAML" + (
            f" ({what})" if what else ""
        )
        return {}, [(mark.line + 2 if mark else 1, message)]
    return (front if isinstance(front, dict) else {}), []


def _bracket_problems(source: str) -> list[tuple[int, str]]:
    """Each [[ never closed and each ]] closing nothing, on its line."""
    return [
        (source.count("\n", 0, offset) + 1, stray_message(token))
        for offset, token in bracket_marks.unmatched(source)
    ]


def _heading_id_problems(headings: list[Heading]) -> list[tuple[int, str]]:
    """Headings below the title without an id, and ids used twice (each names one anchor)."""
    found = []
    first_line: dict[str, int] = {}
    for h in headings:
        if h.level > 1 and h.id is None:
            found.append(
                (
                    h.line,
                    f"the heading '{h.text}' has no id: write it as '{'#' * h.level} {h.text} "
                    "{#an-id}', with the id of the same heading in English",
                )
            )
        elif h.id in first_line:
            found.append(
                (
                    h.line,
                    f"the heading id '{h.id}' is already used on line {first_line[h.id]}: "
                    "an id is an anchor and names one heading",
                )
            )
        elif h.id:
            first_line[h.id] = h.line
    return found


def _macro_problems(
    project: Path, source: str, code: str, rel: str, roadmap: Roadmap, variables: set[str]
) -> list[tuple[int, str]]:
    """Jinja that does not parse, names that are neither macro nor variable, and macro calls
    that the macro refuses."""
    env = _jinja(project, code)
    try:
        tree = env.parse(source)
    except TemplateSyntaxError as exc:
        return [(exc.lineno, f"the macro call is not complete or not valid ({exc.message})")]
    table = _macros(roadmap, code, rel)
    given = engine().page_names(engine().read_config(project, code))  # the engine's own
    known = set(table) | variables | given | set(DEFAULT_NAMESPACE)
    unknown = meta.find_undeclared_variables(tree) - known
    return [
        *_unknown_names(tree, unknown, table),
        *_refused_calls(tree, table, tolerant=roadmap.partial),
    ]


def _unknown_names(
    tree: nodes.Template, unknown: set[str], table: dict
) -> Iterator[tuple[int, str]]:
    """Each unknown name once a line, with the closest macro name."""
    seen = set()
    for node in tree.find_all(nodes.Name):
        if node.name in unknown and (node.lineno, node.name) not in seen:
            seen.add((node.lineno, node.name))
            close = difflib.get_close_matches(node.name, sorted(table), n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            yield (
                node.lineno,
                (
                    f"'{node.name}' is not a macro or variable ({hint}"
                    f"macros: {', '.join(sorted(table))})"
                ),
            )


def _refused_calls(
    tree: nodes.Template, table: dict, *, tolerant: bool = False
) -> Iterator[tuple[int, str]]:
    """Calls of our macros with arguments that do not fit the signature, and calls with
    constant arguments that the macro refuses (an id that names nothing). ``tolerant``: the
    data has mistakes (reported already), so a macro that fails on them is passed over."""
    for call in tree.find_all(nodes.Call):
        if not isinstance(call.node, nodes.Name) or call.node.name not in table:
            continue
        func = table[call.node.name]
        args = call.args
        try:
            inspect.signature(func).bind(*args, **{k.key: None for k in call.kwargs})
        except TypeError:
            given = len(args) + len(call.kwargs)
            yield (
                call.lineno,
                (
                    f"{call.node.name}() was given {given} argument{'s' * (given != 1)}; "
                    f"it is written {call.node.name}{inspect.signature(func)}"
                ),
            )
            continue
        consts = [a for a in args if isinstance(a, nodes.Const)]
        if args and len(consts) == len(args) and not call.kwargs:
            try:
                func(*(a.value for a in consts))
            except PageError as exc:
                yield call.lineno, str(exc)
            except Exception:
                if not tolerant:
                    raise


@cache
def _jinja(project: Path, code: str) -> SandboxedEnvironment:
    """A Jinja environment with the delimiters the build uses (the engine's options)."""
    return SandboxedEnvironment(**engine().jinja_options(engine().read_config(project, code)))


def _macros(roadmap: Roadmap, code: str, rel: str) -> dict:
    """Our macro table bound to a page of this language, as the build binds it."""
    context = PageContext(roadmap, code, rel, roadmap.current_draft)
    return macro_table(lambda: context)


def _compare_headings(
    name: str, headings: list[Heading], en_name: str, english: list[Heading]
) -> list[Problem]:
    """The translated page must have the English headings: same ids, same levels, same order."""
    ours = [h for h in headings if h.level > 1 and h.id]  # level 1 is the title; no id: reported
    theirs = [h for h in english if h.level > 1 and h.id]
    if [(h.level, h.id) for h in ours] == [(h.level, h.id) for h in theirs]:
        return []
    found = _missing_ids(ours, theirs, en_name) + _foreign_ids(ours, theirs, en_name)
    if not found:  # the same headings, so the difference is their order
        found = _first_out_of_order(ours, theirs)
    return [Problem(name, line, None, "", message) for line, message in found]


def _missing_ids(
    ours: list[Heading], theirs: list[Heading], en_name: str
) -> list[tuple[int | None, str]]:
    """English headings the translation lacks (reported for the page: there is no line)."""
    our_ids = {h.id for h in ours}
    return [
        (
            None,
            f"no heading with the id '{h.id}' ({en_name}:{h.line} has "
            f"'{'#' * h.level} {h.text} {{#{h.id}}}')",
        )
        for h in theirs
        if h.id not in our_ids
    ]


def _foreign_ids(
    ours: list[Heading], theirs: list[Heading], en_name: str
) -> list[tuple[int | None, str]]:
    """Headings of the translation that English lacks, or has at another level."""
    en_by_id = {h.id: h for h in theirs}
    found: list[tuple[int | None, str]] = []
    for h in ours:
        en = en_by_id.get(h.id)
        if en is None:
            found.append(
                (
                    h.line,
                    f"the heading id '{h.id}' is not in the English page {en_name}: "
                    "ids are the same in every language",
                )
            )
        elif en.level != h.level:
            found.append(
                (
                    h.line,
                    f"'{h.id}' is a level-{h.level} heading here and level {en.level} "
                    f"in English ({en_name}:{en.line})",
                )
            )
    return found


def _first_out_of_order(ours: list[Heading], theirs: list[Heading]) -> list[tuple[int | None, str]]:
    """The first heading out of place, if any. (None out of place: an id used twice, which is
    reported with the page.)"""
    pairs = zip(ours, theirs, strict=False)  # an id used twice makes the lists differ in length
    misplaced = next(((h, en) for h, en in pairs if h.id != en.id), None)
    if misplaced is None:
        return []
    h, en = misplaced
    return [
        (
            h.line,
            f"the heading '{h.id}' comes here where English has '{en.id}': "
            "headings follow the order of the English page",
        )
    ]
