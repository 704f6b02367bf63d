"""Jinja for page authors: sandboxed, and its mistakes placed on the page's line."""

from __future__ import annotations

from jinja2.sandbox import SandboxedEnvironment


def sandboxed(plain):
    """Page authors must not reach Python through Jinja ({{ cycler.__init__.__globals__ }})."""
    delimiters = (
        "block_start_string",
        "block_end_string",
        "variable_start_string",
        "variable_end_string",
        "comment_start_string",
        "comment_end_string",
    )
    sandbox = SandboxedEnvironment(
        loader=plain.loader,
        undefined=plain.undefined,
        **{name: getattr(plain, name) for name in delimiters},
    )
    sandbox.globals.update(plain.globals)
    sandbox.filters.update(plain.filters)
    return sandbox


def template_line(exc: BaseException) -> int | None:
    """The line of the page where Jinja failed, from its rewritten traceback."""
    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
