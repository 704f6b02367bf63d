"""The glossary in translations: where the English uses a term, the translation uses the
glossary's term in its own language (or the abbreviation of either).

Matching forgives inflection (Russian cases, French plurals, Arabic prefixes): each word of
the term is matched by its stem, and a word or two may come between. A translation that
departs from the glossary on purpose says so with the marker ``terms: ignore <term id>``
(an HTML comment in a page section, a YAML comment on or above a data text's line).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from ..i18n import DEFAULT, language
from ..model import Problem
from ..model.schema import Term
from .units import Unit


@dataclass(frozen=True)
class Mismatch:
    lang: str
    unit: Unit
    term: Term

    def problem(self) -> Problem:
        file, line = self.unit.where.get(self.lang, (self.unit.file, None))
        expected = " or ".join(
            f"'{t.get(self.lang)}'" for t in (self.term.term, self.term.abbreviation) if t
        )
        return Problem(
            file,
            line,
            None,
            self.unit.source,
            f"the English uses the glossary term '{self.term.term.get(DEFAULT)}'; the "
            f"{language(self.lang).english_name} text does not use {expected} (a deliberate "
            f"exception is marked 'terms: ignore {self.term.id}')",
            "warning",
        )


def mismatches(units: list[Unit], glossary: list[Term]) -> list[Mismatch]:
    """Every translation that leaves out the glossary term its English uses."""
    found = []
    for unit in units:
        used = [t for t in glossary if _english_uses(t, unit.english)]
        for lang, text in unit.texts.items():
            ignored = unit.ignored_terms.get(lang, frozenset())
            found += [
                Mismatch(lang, unit, t)
                for t in used
                if t.id not in ignored and t.term.has(lang) and not _translation_uses(t, lang, text)
            ]
    return found


def counts(found: list[Mismatch]) -> dict[str, int]:
    return dict(Counter(m.lang for m in found))


def _english_uses(term: Term, text: str) -> bool:
    # The words but the first letter must stand in the text as they are: a cheap test first.
    words = term.term.get(DEFAULT)
    if words[1:] in text and _english(words, False).search(text):
        return True
    short = term.abbreviation.get(DEFAULT) if term.abbreviation is not None else None
    return short is not None and short in text and bool(_english(short, True).search(text))


@cache
def _english(words: str, exact_case: bool) -> re.Pattern[str]:
    """Case counts but for a term's first letter: "Clearing-House Mechanism" names the one
    Mechanism; "clearing-house mechanisms" are any."""
    first = "" if exact_case else f"(?i:{re.escape(words[:1])})"
    rest = words if exact_case else words[1:]
    return re.compile(r"\b" + first + re.escape(rest) + r"s?\b")


def _translation_uses(term: Term, lang: str, text: str) -> bool:
    plain = _normal(text)
    if language(lang).segmentation != "spaces":  # Chinese: punctuation aside
        plain = re.sub(r"\W", "", plain)
    forms = [term.term.get(lang)] + ([term.abbreviation.get(lang)] if term.abbreviation else [])
    return any(_loose(form, lang).search(plain) for form in forms)


@lru_cache(maxsize=8192)  # a text is compared with every term its English uses
def _normal(text: str) -> str:
    """Case, accents, Arabic vowel marks and typographic apostrophes do not count."""
    decomposed = unicodedata.normalize("NFD", text.replace("\u2019", "'")).casefold()
    marks = {ord(ch): None for ch in set(decomposed) if unicodedata.category(ch) == "Mn"}
    return decomposed.translate(marks)


@cache
def _loose(form: str, lang: str) -> re.Pattern[str]:
    words = re.findall(r"\w+", _normal(form))
    if language(lang).segmentation != "spaces":  # Chinese: the characters, punctuation aside
        return re.compile(re.escape("".join(words)))
    if len(words) == 1 and len(words[0]) <= 5:  # an abbreviation: 'COP' is not 'Coprésidents'
        return re.compile(rf"(?<!\w){re.escape(words[0])}(?!\w)")
    # Arabic joins prepositions and conjunctions to the word: any letters may come first.
    prefix = r"\w*" if language(lang).direction == "rtl" else ""
    gap = r"\W+(?:\w+\W+){0,2}"  # a word or two may come between
    return re.compile(r"(?<!\w)" + gap.join(rf"{prefix}{re.escape(_stem(w))}\w*" for w in words))


def _stem(word: str) -> str:
    if word.startswith("ال") and len(word) > 4:  # the Arabic article
        word = word[2:]
    return word if len(word) <= 4 else word[: max(4, len(word) - 3)]
