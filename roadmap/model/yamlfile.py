"""Read one YAML file into plain values plus the line and column of every node.

PyYAML builds the values; we walk its node graph ourselves so that each value keeps its
position, duplicate keys are caught (YAML silently keeps the last), and hostile input
(huge files, deep nesting, alias bombs) ends with a clear problem instead of a hang.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path as FsPath

import yaml

from ..yamlreader import FAST
from .problems import DataError, Path, Problem, format_path

MAX_BYTES = 2_000_000
MAX_DEPTH = 20

# PyYAML's wording, and what an editor should do about it.
_HINTS = {
    "mapping values are not allowed here": (
        "a value contains ': ' (colon and space); put the whole value in double quotes"
    ),
    "found character '\\t' that cannot start any token": (
        "a tab character; indent with spaces only"
    ),
    "could not find expected ':'": "a line is missing the ':' between a field name and its value",
    "found undefined alias": "'*' starts an alias, which is not allowed; put the text in quotes",
    "expected <block end>, but found": (
        "the indentation of this line does not match the lines above"
    ),
    "did not find expected key": "the indentation of this line does not match the lines above",
    "found unexpected end of stream": "a quote or bracket opened earlier is never closed",
    "exceeded maximum nesting depth": (
        f"nesting is deeper than {MAX_DEPTH} levels; the data files never need that"
    ),
}


# Characters the YAML reader rejects (control characters other than tab and newlines).
_FORBIDDEN = yaml.reader.Reader.NON_PRINTABLE


@dataclass
class YamlDoc:
    file: str
    data: object
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # For a file read without some of its items (model/partial.py): list field -> the indices
    # kept, so that a path into the shorter list names the item's place in the file.
    kept: dict[str, list[int]] = field(default_factory=dict)

    def _in_file(self, path: Path) -> Path:
        if len(path) > 1 and path[0] in self.kept and isinstance(path[1], int):
            return (path[0], self.kept[str(path[0])][path[1]], *path[2:])
        return tuple(path)

    def where(self, path: Path, *, key: bool = False) -> tuple[int | None, int | None]:
        """Line and column of the node at ``path``, or of its nearest known ancestor."""
        path = self._in_file(path)
        table = self.key_positions if key and path in self.key_positions else self.positions
        probe = tuple(path)
        while probe and probe not in table:
            probe = probe[:-1]
            table = self.positions
        line, col = table.get(probe, (None, None))
        return line, col

    def problem(self, path: Path, message: str, *, key: bool = False, severity="error") -> Problem:
        line, col = self.where(path, key=key)
        path = self._in_file(path)
        return Problem(self.file, line, col, format_path(path), message, severity)


def load_yaml(fs_path: FsPath, display: str) -> YamlDoc:
    """Load ``fs_path``; ``display`` is the name shown in messages (e.g. data/phases.yml).
    The document is shared: read-only for those who load it."""
    return _parsed(_read_text(fs_path, display), display)


@lru_cache(maxsize=64)  # the model and the translation status read the same files in one build
def _parsed(text: str, display: str) -> YamlDoc:
    _check_characters(text, display)
    _check_events(text, display)
    try:
        node = yaml.compose(text, Loader=FAST)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(text, display, exc) from None
    doc = YamlDoc(display, None)
    if node is None:  # an empty file
        return doc
    doc.data = _value(node, (), doc, yaml.SafeLoader(""))
    if doc.problems:
        raise DataError(doc.problems)
    return doc


def _file_error(display: str, line: int | None, column: int | None, message: str) -> DataError:
    """The error for a problem with the file as a whole, before any value is read."""
    return DataError([Problem(display, line, column, "", message)])


def _read_text(fs_path: FsPath, display: str) -> str:
    """The file's text: it must exist, be no larger than MAX_BYTES and be UTF-8."""
    try:
        raw = fs_path.read_bytes()
    except FileNotFoundError:
        raise _file_error(display, None, None, "file is missing") from None
    if len(raw) > MAX_BYTES:
        raise _file_error(
            display, None, None, f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,} bytes"
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _file_error(
            display, line, None, "the file is not UTF-8 text; save it with UTF-8 encoding"
        ) from None


def _check_characters(text: str, display: str) -> None:
    """Name the first control character: the YAML reader's own message does not say where."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return
    bad = found.start()
    line = text.count("\n", 0, bad) + 1
    column = bad - (text.rfind("\n", 0, bad) + 1) + 1
    raise _file_error(
        display,
        line,
        column,
        f"the invisible control character U+{ord(text[bad]):04X} is not "
        "allowed in YAML; delete it (it often comes from copy and paste)",
    )


def _check_events(text: str, display: str) -> None:
    """Refuse aliases and deep nesting, seen in one cheap, iterative pass before any recursion."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=FAST):
            mark = event.start_mark
            assert mark is not None  # the parser marks every event
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _file_error(
                        display,
                        mark.line + 1,
                        mark.column + 1,
                        f"nesting is deeper than {MAX_DEPTH} levels; "
                        "the data files never need that",
                    )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise _file_error(
                    display,
                    mark.line + 1,
                    mark.column + 1,
                    "YAML anchors and aliases ('&name', '*name') are not "
                    "allowed; write the value out, or quote text that starts "
                    "with '&' or '*'",
                )
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(text, display, exc) from None


def _syntax_error(text: str, display: str, fast: yaml.MarkedYAMLError) -> DataError:
    """A syntax error in PyYAML's own words, which ``_HINTS`` explain: libyaml (``FAST``) words
    some differently, so the file is read once more, slowly, only when it has a mistake."""
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        return DataError([_syntax_problem(exc, display, text)])
    except RecursionError:  # nested deeper than the slow reader's recursion: libyaml's mark
        pass
    return DataError([_syntax_problem(fast, display, text)])


_BLOCK_TEXT = re.compile(r":\s*[>|][-+]?\s*$")  # a field whose text follows on the next lines
_KEY_AT_START = re.compile(r"^\s*(- )?[\w.-]+$")  # the line holds only a field name before ':'


def _syntax_problem(exc: yaml.MarkedYAMLError, display: str, text: str) -> Problem:
    problem = (exc.problem or "").strip()
    mark = exc.problem_mark or exc.context_mark
    hint = next((h for key, h in _HINTS.items() if problem.startswith(key)), None)
    lines = text.splitlines()
    if mark is not None and problem.startswith("mapping values are not allowed"):
        before = lines[mark.line][: mark.column] if mark.line < len(lines) else ""
        if _KEY_AT_START.match(before):  # 'phase:' opens the line: indented under a text
            hint = (
                f"'{before.strip()}:' is indented further than the field above it; line it "
                "up with the other fields of its item"
            )
    elif problem.startswith("expected ',' or '}', but got ':'"):
        hint = (
            "a text inside '{ }' contains ': ' (colon and space); put that text in double "
            'quotes, for example {en: "Phase 1: set-up"}'
        )
    elif problem.startswith("could not find expected ':'") and exc.context_mark is not None:
        mark = exc.context_mark  # where the line without ':' starts, not where it was given up
        field = _block_text_above(lines, mark.line)
        if field is not None:
            hint = (
                f"this line is indented no further than '{field}' above it; the text after "
                "'>-' goes on in lines indented further than its field name"
            )
    message = f"YAML syntax error: {problem}"
    if exc.context:
        message += f" ({exc.context.strip()})"
    if hint:
        message += f"; {hint}"
    return Problem(
        display, mark.line + 1 if mark else None, mark.column + 1 if mark else None, "", message
    )


def _block_text_above(lines: list[str], index: int) -> str | None:
    """The field name ('en:') that opened a '>-' text which the line at ``index`` leaves by its
    indentation, if so."""
    indent = len(lines[index]) - len(lines[index].lstrip())
    for line in reversed(lines[:index]):
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            return line.strip().split(":")[0] + ":" if _BLOCK_TEXT.search(line) else None
    return None


def _value(node: yaml.Node, path: Path, doc: YamlDoc, constructor) -> object:
    doc.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                doc.problems.append(
                    Problem(
                        doc.file,
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        format_path(path),
                        "a field name must be plain text",
                    )
                )
                continue
            key = key_node.value
            child = path + (key,)
            if key in out:
                doc.problems.append(
                    Problem(
                        doc.file,
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        format_path(child),
                        f"'{key}' appears twice in the same block; keep one",
                    )
                )
                continue
            doc.key_positions[child] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            out[key] = _value(value_node, child, doc, constructor)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_value(item, path + (i,), doc, constructor) for i, item in enumerate(node.value)]
    try:
        return constructor.construct_object(node, deep=True)
    except (ValueError, OverflowError, yaml.constructor.ConstructorError):
        # e.g. 2026-02-30 looks like a date but is none; the model reports it with its position.
        return node.value
