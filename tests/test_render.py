"""Render functions on small inputs: exact output, in several languages."""

from __future__ import annotations

import re

import pytest

from roadmap.i18n import CODES, t
from roadmap.i18n.formatting import (
    format_day,
    format_list,
    format_money,
    format_month_abbr,
    format_period,
)
from roadmap.model import load_roadmap
from roadmap.render import (
    PageError,
    bracket_marks,
    glossary,
    phases,
    rawblocks,
    refs,
    resources,
    timeline,
    workplan,
)
from roadmap.render.links import Linker
from roadmap.render.text import markdown_inline
from tests.helpers import FIXTURES


@pytest.fixture(scope="module")
def roadmap():
    return load_roadmap(FIXTURES / "good")


def test_babel_formats_per_language():
    from datetime import date

    d = date(2026, 1, 15)
    assert format_day(d, "en") == "15 January 2026"
    assert format_day(d, "zh") == "2026年1月15日"
    assert format_day(d, "fr") == "15 janvier 2026"
    assert format_day(d, "ar") == "15 كانون الثاني/يناير 2026"  # the UN's double month names
    assert (
        format_period(date(2026, 6, 1), date(2026, 7, 31), "ar")
        == "1 حزيران/يونيه – 31 تموز/يوليه 2026"
    )
    assert format_month_abbr(date(2026, 5, 1), "ar") == "مايو"  # a crowded axis keeps one name
    assert format_money(1234567, "USD", "fr") == "1\u202f234\u202f567\xa0$US"
    assert format_money(1234567, "USD", "en") == "US$1,234,567"
    assert format_money(30000.5, "USD", "en") == "US$30,000.50"
    assert format_money(1234567, "USD", "ar") == "1,234,567 دولار أمريكي"  # no 'US$' in an RTL run
    assert format_money(30000.5, "EUR", "ar") == "30,000.50 يورو"
    assert format_period(date(2026, 4, 1), date(2027, 3, 31), "zh") == "2026年4月1日至2027年3月31日"


def test_brackets_render_each_option_with_a_number_in_words():
    html = bracket_marks.render_html("Set up [[a unit]][[a partner]].", "en")
    assert html == (
        'Set up <span class="roadmap-brackets" role="group" aria-label="Alternatives under '
        'discussion: 2 options"><span class="roadmap-option"><span class="roadmap-option__label">'
        'Option 1</span>[a unit]</span><span class="roadmap-option"><span class="roadmap-option__label">'
        "Option 2</span>[a partner]</span></span>."
    )
    zh = bracket_marks.render_html("[[a]][[b]]", "zh")
    assert t("zh", "brackets.option", n=1) in zh and t("zh", "brackets.option", n=2) in zh
    assert t("zh", "brackets.option", n=1) != t("en", "brackets.option", n=1)


def test_brackets_single_passage_and_counting_skip_code():
    md, n = bracket_marks.render_markdown(
        "A [[pending]] B\n\n```\n[[not me]]\n```\n`[[nor me]]`", "ar"
    )
    assert n == 1
    assert "[[not me]]" in md and "[[nor me]]" in md
    assert t("ar", "brackets.pending") in md
    assert bracket_marks.count("[[a]][[b]] and [[c]]") == 2


def test_data_strings_are_escaped_everywhere(roadmap):
    from roadmap.model.schema import Text

    evil = Text({"en": '<script>alert("x")</script> [[<b>]]'})
    from roadmap.render.text import html, plain

    out = str(html(evil, "en"))
    assert "<script>" not in out and "&lt;script&gt;" in out and "&lt;b&gt;" in out
    assert markdown_inline("<script>") == "&lt;script&gt;"
    assert plain(evil, "en").startswith("<script>")  # plain text; templates escape it


def test_ref_links_with_label_in_language_and_fails_on_unknown_id(roadmap):
    assert (
        refs.ref(roadmap, "A1.2", "en", "index.md")
        == '[activity A1.2](workplan.md#A1.2 "Build the platform")'
    )
    assert refs.ref(roadmap, "P1", "fr", "group/sub.md").startswith(
        f"[{t('fr', 'ref.phase', id='P1')}](../roadmap.md#P1"
    )
    assert refs.ref(roadmap, "PC3", "fr", "index.md") == "[Troisième session](roadmap.md#PC3)"
    with pytest.raises(PageError, match=r"ref\('A9.9'\): no phase"):
        refs.ref(roadmap, "A9.9", "en", "index.md")


def test_a_macro_limited_to_an_unknown_phase_fails_instead_of_drawing_nothing(roadmap):
    with pytest.raises(PageError, match=r"^timeline\('P9'\): 'P9' is not a phase \(known: P1"):
        timeline.svg(roadmap, "en", "roadmap.md", "P9")
    with pytest.raises(PageError, match=r"^workplan\('P9'\): 'P9' is not a phase"):
        workplan.by_phase(roadmap, "en", "workplan.md", "P9")
    assert 'id="A1.1' in workplan.by_phase(roadmap, "en", "workplan.md", "P1").replace("{#", 'id="')


def test_linker_between_pages():
    assert Linker("roadmap.md").href("workplan.md", "A1.1") == "../workplan/#A1.1"
    assert Linker("index.md").href("workplan.md", "A1.1") == "workplan/#A1.1"
    assert Linker("roadmap.md").href("roadmap.md", "P1") == "#P1"
    assert Linker("workplan.md").href("index.md") == "../"


@pytest.mark.parametrize("lang", CODES)
def test_every_item_gets_its_anchor_in_every_language(roadmap, lang):
    html = (
        phases.detail(roadmap, lang, "roadmap.md")
        + workplan.by_phase(roadmap, lang, "workplan.md")
        + resources.tables(roadmap, lang, "resources.md")
        + phases.events(roadmap, lang, "roadmap.md")
    )
    for item_id in [
        "P1",
        "P1.O1",
        "P1.O2",
        "P1.M1",
        "P1.M2",
        "A1.1",
        "A1.2",
        "A1.3",
        "R1.1",
        "R1.2",
        "PC3",
    ]:
        assert re.search(rf'(id="{re.escape(item_id)}"|{{#{re.escape(item_id)}[ }}])', html), (
            lang,
            item_id,
        )
    block = resources.tables(roadmap, lang, "resources.md").strip()
    assert block.startswith(rawblocks.OPEN) and block.endswith(rawblocks.CLOSE)
    assert "\n\n" not in block  # one HTML block, kept as it is


def test_totals_add_up_and_keep_one_off_and_annual_apart(roadmap):
    out = resources.summary(roadmap, "en", "resources.md").replace(
        "\xa0", " "
    )  # totals never break
    assert "US$120,000 per year" in out
    assert "US$30,000.50 one-off" in out
    assert "2.5 FTE" in out
    fr = resources.summary(roadmap, "fr", "resources.md")
    assert "120\u202f000\xa0$US" in fr
    # Row groups named in the language; several totals joined the language's way (CLDR lists).
    for code in ("en", "zh", "ar"):
        html = resources.summary(roadmap, code, "resources.md")
        for group in ("by_phase", "by_kind", "by_funding"):
            assert f'<th scope="rowgroup" colspan="3">{t(code, "resources." + group)}</th>' in html
        assert "; " not in html
    assert "US$120,000\xa0per\xa0year and US$30,000.50\xa0one-off" in resources.summary(
        roadmap, "en", "r.md"
    )
    assert format_list(["每年US$1", "一次性US$2"], "zh") == "每年US$1和一次性US$2"


def test_timeline_has_caption_description_table_and_mirrors_in_arabic(roadmap):
    en = timeline.svg(roadmap, "en", "roadmap.md")
    assert '<figcaption id="timeline-caption">Timeline of the roadmap</figcaption>' in en
    assert '<p class="roadmap-timeline__desc">Bars show' in en and "<table" in en
    assert '<div class="tl" aria-hidden="true">' in en  # the table is what screen readers get
    layout_en = timeline.layout(roadmap, "en")
    layout_ar = timeline.layout(roadmap, "ar")
    assert layout_ar["rtl"] and not layout_en["rtl"]
    p1_en = layout_en["rows"][0]
    p1_ar = layout_ar["rows"][0]
    assert abs((p1_en.x + p1_ar.x + p1_ar.w) - timeline.WIDTH) < 0.1  # mirrored
    for row in layout_en["rows"]:  # whole titles: never cut short
        assert row.label == f"{row.id} {row.title}" and "…" not in row.label
    assert "<script" not in en
    zh = timeline.svg(roadmap, "zh", "roadmap.md")
    assert "2026年" in zh


def test_glossary_abbreviations_for_tooltips(roadmap):
    out = glossary.abbreviations(roadmap, "en")
    assert "*[CHM]: The platform of article 51." in out
    assert '<dt id="chm">' in glossary.table(roadmap, "en", "glossary.md")


def test_glossary_gives_no_abbreviation_that_is_the_term_itself():
    """Arabic writes no Latin acronyms: a short form may be the term itself (the Preparatory
    Commission), shown once, not 'term (term)'; a real short form is still given after it."""
    roadmap = load_roadmap(FIXTURES / "good")
    chm = next(term for term in roadmap.terms if term.id == "chm")
    chm.term.root["ar"] = chm.abbreviation.root["ar"] = "آلية تبادل المعلومات"
    chm.term.root["fr"], chm.abbreviation.root["fr"] = "Centre d'échange", "CHM"
    assert '<dt id="chm">آلية تبادل المعلومات</dt>' in glossary.table(roadmap, "ar", "glossary.md")
    assert '<dt id="chm">Centre d&#39;échange (CHM)</dt>' in glossary.table(
        roadmap, "fr", "glossary.md"
    )


def test_marked_html_is_kept_as_it_is_and_the_rest_is_markdown():
    """Our macros' HTML skips Markdown's search for HTML blocks and comes back as it was; the
    Markdown around it is Markdown; a block never closed is left to Markdown as it was."""
    import markdown

    html = '<table id="t1">\n<tr><td>*not emphasis*</td></tr>\n</table>'
    page = f"Some *text*.{rawblocks.block(html)}After."
    out = markdown.markdown(page, extensions=["md_in_html", rawblocks.RawBlocks()])
    assert out == f"<p>Some <em>text</em>.</p>\n{html}\n<p>After.</p>"
    unclosed = markdown.markdown(f"{rawblocks.OPEN}\n<p>x</p>", extensions=[rawblocks.RawBlocks()])
    assert "<p>x</p>" in unclosed and rawblocks.OPEN in unclosed


def test_the_engine_reads_the_ids_of_marked_html_and_not_the_rest():
    """MkDocs reads the ids of a page's HTML (priority 21) for its anchor checks: of a marked
    block it is shown the ids alone, and they are gone from the page after."""
    import markdown
    from markdown.preprocessors import Preprocessor

    seen: list[str] = []

    class Engine(Preprocessor):
        def run(self, lines):
            seen.extend(lines)
            return lines

    html = '<table id="t1">\n<tr id=\'A1.2\'><td data-id="no">x</td></tr>\n</table>'
    md = markdown.Markdown(extensions=["md_in_html", rawblocks.RawBlocks()])
    md.preprocessors.register(Engine(md), "engine_ids", 21)
    out = md.convert(f"Before.{rawblocks.block(html)}After.")
    assert out == f"<p>Before.</p>\n{html}\n<p>After.</p>"
    assert rawblocks.IDS + '<i id="t1"></i><i id="A1.2"></i>' in seen
    assert not any("<table" in line or "<td" in line for line in seen)


def test_glossary_terms_take_the_focus_outside_links():
    """A term opens its definition on a tap or Tab (focusable); inside a link, which takes the
    focus itself and may hold nothing focusable, it stays as it is."""
    import markdown

    md = markdown.Markdown(extensions=["abbr", "roadmap.render.focusable_terms"])
    html = md.convert("The CHM and [the CHM](x)\n\n*[CHM]: Clearing-House Mechanism")
    assert '<abbr tabindex="0" title="Clearing-House Mechanism">CHM</abbr> and' in html
    assert '<a href="x">the <abbr title="Clearing-House Mechanism">CHM</abbr></a>' in html
