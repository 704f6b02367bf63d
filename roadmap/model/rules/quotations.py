"""Quotations of the Agreement, word for word against the reference texts in data/glossary.yml.

A quotation is a passage in quotation marks followed by a parenthesis naming its article:
“...” (Article 13), « ... » (article 13), “……”（第13条）. Omissions are marked "..." or "…";
every quoted part must be in the reference text of that article in the same language.
"""

from __future__ import annotations

import re

from ..problems import Problem
from ..schema import Article, iter_texts
from .context import Context

# A quoted passage, then a parenthesis that names an article in one of the six languages
# ("(Article 13)", "(article 13)", "(artículo 13)", "(статья 13)", "（第13条）", "(المادة 13)");
# a parenthesis that names none (a page, a draft) makes no quotation.
_QUOTE = re.compile(
    r"(?:“(?P<a>[^”]+)”|«\s*(?P<b>[^»]+?)\s*»|\"(?P<c>[^\"]+)\")"
    r"\s*[(（][^()（）]*?(?:[Aa]rt(?:icle|ículo|iculo)|[Сс]тать\w*|المادة|第)\s*(?P<article>\d+)"
    r"(?:\((?P<para>\d+)\))?[^()（）]*[)）]"
)
_OMISSION = re.compile(r"\s*(?:\.\.\.|…|\[\.\.\.\]|……)\s*")
_SPACES = re.compile(r"\s+")


def _plain(text: str) -> str:
    """White space and apostrophes as typed do not count as differences."""
    return _SPACES.sub(" ", text.replace("’", "'").replace("\u00a0", " ")).strip()


def quotations(text: str):
    """(article, quoted passage) for every quotation in a text."""
    for _, article, quoted in _found(text):
        yield article, quoted


def _found(text: str):
    """(offset, article, quoted passage) for every quotation in a text."""
    for m in _QUOTE.finditer(text):
        article = m["article"] + (f"({m['para']})" if m["para"] else "")
        yield m.start(), article, m["a"] or m["b"] or m["c"]


def _reference(articles: list[Article], article: str) -> dict[str, str] | None:
    """The reference text of '51(3)', or failing that of the whole article '51'."""
    by_id = {a.id: a.text for a in articles}
    return by_id.get(article) or by_id.get(article.split("(")[0])


def in_page(name: str, source: str, code: str, articles: list[Article]) -> list[Problem]:
    """The quotations of a Markdown page, each checked like those of the data, with its line."""
    return [
        Problem(name, source.count("\n", 0, offset) + 1, None, "", message)
        for offset, article, quoted in _found(source)
        if (message := difference(articles, article, code, quoted))
    ]


def check(ctx: Context) -> list[Problem]:
    out: list[Problem] = []
    for name, model in ctx.files.items():
        for path, text in iter_texts(model):
            for code, value in text.root.items():
                for article, quoted in quotations(value):
                    message = difference(ctx.files["glossary"].articles, article, code, quoted)
                    if message:
                        out.append(ctx.docs[name].problem(path + (code,), message))
    return out


def difference(articles: list[Article], article: str, code: str, quoted: str) -> str | None:
    """What is wrong with a quotation of ``article`` in language ``code``, or None."""
    reference = _reference(articles, article)
    if reference is None or code not in reference:
        return (
            f"quotes Article {article} in '{code}', but data/glossary.yml has no reference text "
            f"of it in '{code}' (articles): add the authentic text there to check the quotation"
        )
    whole = _plain(reference[code])
    for part in _OMISSION.split(quoted):
        if _plain(part) and _plain(part) not in whole:
            return (
                f"the quotation of Article {article} differs from its text in data/glossary.yml: "
                f"'{_plain(part)}' is not in it; quote it word for word, omissions marked '...'"
            )
    return None


def unconfirmed(ctx: Context) -> list[Problem]:
    """A warning per reference text not yet checked against the authentic text of its language:
    the pages that quote it say "to be confirmed against the authentic text"."""
    doc = ctx.docs["glossary"]
    return [
        doc.problem(
            ("articles", i, "text", code),
            f"the text of Article {a.id} in '{code}' is not yet confirmed against the authentic "
            "text (add it to 'confirmed' once checked)",
            severity="warning",
        )
        for i, a in enumerate(ctx.files["glossary"].articles)
        for code in a.text
        if code not in a.confirmed
    ]
