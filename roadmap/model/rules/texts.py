"""Every data text: a translation in each language, and no stray brackets."""

from __future__ import annotations

from ...i18n import CODES, DEFAULT
from .. import brackets
from ..problems import Problem
from ..schema import iter_texts
from .context import Context


def missing_translations(ctx: Context) -> list[Problem]:
    """A warning for every text that lacks a language: the page falls back to English."""
    out: list[Problem] = []
    for name, model in ctx.files.items():
        for path, text in iter_texts(model):
            missing = [c for c in CODES if c != DEFAULT and not text.has(c)]
            if missing:
                out.append(
                    ctx.docs[name].problem(
                        path,
                        "no translation yet in " + ", ".join(missing) + " (English is shown)",
                        severity="warning",
                    )
                )
    return out


def stray_brackets(ctx: Context) -> list[Problem]:
    """A '[[' never closed or a ']]' never opened would reach readers as it was typed."""
    out: list[Problem] = []
    for name, model in ctx.files.items():
        for path, text in iter_texts(model):
            for code, value in text.root.items():
                out += [
                    ctx.docs[name].problem(path + (code,), brackets.stray_message(token))
                    for _, token in brackets.stray(value)[:1]
                ]
    return out
